package dev.rotor.store.redis;

import dev.rotor.spi.SessionStore;
import dev.rotor.tck.SessionStoreContract;
import dev.rotor.testing.redis.RedisKeys;
import dev.rotor.testing.redis.RedisServer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** The store contract on one Redis deployment: a store under its own key prefix, read back from the nodes. */
abstract class RedisStoreContract extends SessionStoreContract {

    private final RedisSessionStore store;
    private final List<RedisServer> nodes;
    private final String prefix;

    RedisStoreContract(RedisSessionStoreBuilder builder, List<RedisServer> nodes, String prefix) {
        this.store = builder.keyPrefix(prefix).build();
        this.nodes = nodes;
        this.prefix = prefix;
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Override
    protected SessionStore store() {
        return store;
    }

    @Override
    protected boolean holdsAnything(String subject) {
        return RedisKeys.exists(nodes, new RecordCodec(prefix).key(subject));
    }

    @Override
    protected String storedContent() {
        return RedisKeys.dump(nodes, prefix + "*");
    }
}
