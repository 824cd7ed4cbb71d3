package dev.rotor.testing.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/**
 * A Redis Cluster of real {@code redis-server} processes on loopback, one master per node and no replicas,
 * formed with {@code CLUSTER ADDSLOTS} and {@code CLUSTER MEET}. Keeps serving the slots of the other nodes
 * while one is down ({@code cluster-require-full-coverage no}).
 */
public final class LocalRedisCluster implements AutoCloseable {

    private static final int SLOTS = 16_384;
    private static final Duration FORM_TIMEOUT = Duration.ofSeconds(30);

    private final List<RedisServer> nodes;

    private LocalRedisCluster(List<RedisServer> nodes) {
        this.nodes = nodes;
    }

    /**
     * Starts the nodes and forms the cluster; returns once every node reports {@code cluster_state:ok}.
     *
     * @param masters how many master nodes
     * @return the running cluster
     */
    public static LocalRedisCluster start(int masters) {
        List<RedisServer> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < masters; i++) {
                nodes.add(RedisServer.start(List.of(
                        "--cluster-enabled", "yes",
                        "--cluster-config-file", "nodes.conf",
                        "--cluster-node-timeout", "2000",
                        "--cluster-require-full-coverage", "no")));
            }
            LocalRedisCluster cluster = new LocalRedisCluster(nodes);
            cluster.form();
            return cluster;
        } catch (RuntimeException e) {
            nodes.forEach(RedisServer::close);
            throw e;
        }
    }

    private void form() {
        int perNode = SLOTS / nodes.size();
        for (int i = 0; i < nodes.size(); i++) {
            int from = i * perNode;
            int to = i == nodes.size() - 1 ? SLOTS : from + perNode;
            try (Jedis node = nodes.get(i).connect()) {
                node.clusterAddSlots(IntStream.range(from, to).toArray());
            }
        }
        try (Jedis first = nodes.get(0).connect()) {
            for (RedisServer other : nodes.subList(1, nodes.size())) {
                first.clusterMeet("127.0.0.1", other.port());
            }
        }
        awaitHealthy();
    }

    /** Waits until every node sees every other and reports the cluster ok. */
    public void awaitHealthy() {
        long deadline = System.nanoTime() + FORM_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (nodes.stream().allMatch(this::isHealthy)) {
                return;
            }
            RedisServer.sleep(50);
        }
        throw new IllegalStateException("the cluster did not form within " + FORM_TIMEOUT);
    }

    private boolean isHealthy(RedisServer server) {
        try (Jedis node = server.connect()) {
            String info = node.clusterInfo();
            return info.contains("cluster_state:ok") && info.contains("cluster_known_nodes:" + nodes.size());
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    /**
     * Seed nodes for a cluster client.
     *
     * @return every node's address
     */
    public Set<HostAndPort> seeds() {
        Set<HostAndPort> seeds = new LinkedHashSet<>();
        nodes.forEach(node -> seeds.add(node.hostAndPort()));
        return seeds;
    }

    /**
     * The nodes, for faults and for scanning every key.
     *
     * @return the nodes in start order
     */
    public List<RedisServer> nodes() {
        return List.copyOf(nodes);
    }

    /** Kills every node and deletes their folders. */
    @Override
    public void close() {
        nodes.forEach(RedisServer::close);
    }
}
