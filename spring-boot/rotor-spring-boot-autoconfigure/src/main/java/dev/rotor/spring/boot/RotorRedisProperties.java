package dev.rotor.spring.boot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Redis settings of {@code rotor.store.redis.*}. Each unset connection setting is taken from Boot's own
 * {@code spring.data.redis.*}, so an application that already talks to Redis configures it once.
 */
public class RotorRedisProperties {

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

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public Boolean getSsl() {
        return ssl;
    }

    public void setSsl(Boolean ssl) {
        this.ssl = ssl;
    }

    public List<String> getClusterNodes() {
        return clusterNodes;
    }

    public void setClusterNodes(List<String> clusterNodes) {
        this.clusterNodes = clusterNodes;
    }

    public String getSentinelMaster() {
        return sentinelMaster;
    }

    public void setSentinelMaster(String sentinelMaster) {
        this.sentinelMaster = sentinelMaster;
    }

    public List<String> getSentinelNodes() {
        return sentinelNodes;
    }

    public void setSentinelNodes(List<String> sentinelNodes) {
        this.sentinelNodes = sentinelNodes;
    }

    public String getKeyPrefix() {
        return keyPrefix;
    }

    public void setKeyPrefix(String keyPrefix) {
        this.keyPrefix = keyPrefix;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    public int getAttempts() {
        return attempts;
    }

    public void setAttempts(int attempts) {
        this.attempts = attempts;
    }

    public int getPoolSize() {
        return poolSize;
    }

    public void setPoolSize(int poolSize) {
        this.poolSize = poolSize;
    }
}
