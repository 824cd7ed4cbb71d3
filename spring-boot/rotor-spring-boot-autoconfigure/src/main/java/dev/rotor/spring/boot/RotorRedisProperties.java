package dev.rotor.spring.boot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Redis settings of {@code rotor.store.redis.*}. Each unset connection setting is taken from Boot's own
 * {@code spring.data.redis.*}, so an application that already talks to Redis configures it once.
 */
public class RotorRedisProperties {

    /** Creates the settings with their defaults. */
    public RotorRedisProperties() {}

    /**
     * Where Redis is, as redis://[user:password@]host:port (rediss:// for TLS), or a Redis Cluster's nodes as
     * host:port,host:port; overrides host, port, username, password, ssl and cluster-nodes. Default
     * spring.data.redis.url.
     */
    private String url;

    /** The Redis server's host; default spring.data.redis.host, else localhost. */
    private String host;

    /** The Redis server's port; default spring.data.redis.port, else 6379. */
    private Integer port;

    /** The user for Redis ACLs; default spring.data.redis.username. */
    private String username;

    /** The password; default spring.data.redis.password. */
    private String password;

    /** Whether to connect over TLS; default spring.data.redis.ssl.enabled. */
    private Boolean ssl;

    /** A Redis Cluster's seed nodes as host:port; default spring.data.redis.cluster.nodes. */
    private List<String> clusterNodes = new ArrayList<>();

    /** The sentinel master's name; default spring.data.redis.sentinel.master. */
    private String sentinelMaster;

    /** The sentinels as host:port; default spring.data.redis.sentinel.nodes. */
    private List<String> sentinelNodes = new ArrayList<>();

    /** The prefix of every key Rotor writes, at most 64 characters without braces. */
    private String keyPrefix = "rotor:";

    /** Connect and read timeout per attempt, 1 ms to 1 hour. */
    private Duration timeout = Duration.ofMillis(500);

    /** How many times a command is tried, 1 to 10. */
    private int attempts = 2;

    /** Connections in the pool (per node in a cluster). */
    private int poolSize = 16;

    /**
     * Where Redis is, as redis://[user:password@]host:port (rediss:// for TLS), or a Redis Cluster's nodes as host:port,host:port; overrides host, port, username, password, ssl and cluster-nodes. Default spring.data.redis.url.
     *
     * @return the value
     */
    public String getUrl() {
        return url;
    }

    /**
     * Sets: where Redis is, as redis://[user:password@]host:port (rediss:// for TLS), or a Redis Cluster's nodes as host:port,host:port; overrides host, port, username, password, ssl and cluster-nodes. Default spring.data.redis.url.
     *
     * @param url the value
     */
    public void setUrl(String url) {
        this.url = url;
    }

    /**
     * The Redis server's host; default spring.data.redis.host, else localhost.
     *
     * @return the value
     */
    public String getHost() {
        return host;
    }

    /**
     * Sets: the Redis server's host; default spring.data.redis.host, else localhost.
     *
     * @param host the value
     */
    public void setHost(String host) {
        this.host = host;
    }

    /**
     * The Redis server's port; default spring.data.redis.port, else 6379.
     *
     * @return the value
     */
    public Integer getPort() {
        return port;
    }

    /**
     * Sets: the Redis server's port; default spring.data.redis.port, else 6379.
     *
     * @param port the value
     */
    public void setPort(Integer port) {
        this.port = port;
    }

    /**
     * The user for Redis ACLs; default spring.data.redis.username.
     *
     * @return the value
     */
    public String getUsername() {
        return username;
    }

    /**
     * Sets: the user for Redis ACLs; default spring.data.redis.username.
     *
     * @param username the value
     */
    public void setUsername(String username) {
        this.username = username;
    }

    /**
     * The password; default spring.data.redis.password.
     *
     * @return the value
     */
    public String getPassword() {
        return password;
    }

    /**
     * Sets: the password; default spring.data.redis.password.
     *
     * @param password the value
     */
    public void setPassword(String password) {
        this.password = password;
    }

    /**
     * Whether to connect over TLS; default spring.data.redis.ssl.enabled.
     *
     * @return the value
     */
    public Boolean getSsl() {
        return ssl;
    }

    /**
     * Sets: whether to connect over TLS; default spring.data.redis.ssl.enabled.
     *
     * @param ssl the value
     */
    public void setSsl(Boolean ssl) {
        this.ssl = ssl;
    }

    /**
     * A Redis Cluster's seed nodes as host:port; default spring.data.redis.cluster.nodes.
     *
     * @return the value
     */
    public List<String> getClusterNodes() {
        return clusterNodes;
    }

    /**
     * Sets: a Redis Cluster's seed nodes as host:port; default spring.data.redis.cluster.nodes.
     *
     * @param clusterNodes the value
     */
    public void setClusterNodes(List<String> clusterNodes) {
        this.clusterNodes = clusterNodes;
    }

    /**
     * The sentinel master's name; default spring.data.redis.sentinel.master.
     *
     * @return the value
     */
    public String getSentinelMaster() {
        return sentinelMaster;
    }

    /**
     * Sets: the sentinel master's name; default spring.data.redis.sentinel.master.
     *
     * @param sentinelMaster the value
     */
    public void setSentinelMaster(String sentinelMaster) {
        this.sentinelMaster = sentinelMaster;
    }

    /**
     * The sentinels as host:port; default spring.data.redis.sentinel.nodes.
     *
     * @return the value
     */
    public List<String> getSentinelNodes() {
        return sentinelNodes;
    }

    /**
     * Sets: the sentinels as host:port; default spring.data.redis.sentinel.nodes.
     *
     * @param sentinelNodes the value
     */
    public void setSentinelNodes(List<String> sentinelNodes) {
        this.sentinelNodes = sentinelNodes;
    }

    /**
     * The prefix of every key Rotor writes, at most 64 characters without braces.
     *
     * @return the value
     */
    public String getKeyPrefix() {
        return keyPrefix;
    }

    /**
     * Sets: the prefix of every key Rotor writes, at most 64 characters without braces.
     *
     * @param keyPrefix the value
     */
    public void setKeyPrefix(String keyPrefix) {
        this.keyPrefix = keyPrefix;
    }

    /**
     * Connect and read timeout per attempt, 1 ms to 1 hour.
     *
     * @return the value
     */
    public Duration getTimeout() {
        return timeout;
    }

    /**
     * Sets: connect and read timeout per attempt, 1 ms to 1 hour.
     *
     * @param timeout the value
     */
    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * How many times a command is tried, 1 to 10.
     *
     * @return the value
     */
    public int getAttempts() {
        return attempts;
    }

    /**
     * Sets: how many times a command is tried, 1 to 10.
     *
     * @param attempts the value
     */
    public void setAttempts(int attempts) {
        this.attempts = attempts;
    }

    /**
     * Connections in the pool (per node in a cluster).
     *
     * @return the value
     */
    public int getPoolSize() {
        return poolSize;
    }

    /**
     * Sets: connections in the pool (per node in a cluster).
     *
     * @param poolSize the value
     */
    public void setPoolSize(int poolSize) {
        this.poolSize = poolSize;
    }
}
