package dev.rotor.store.jdbc;

import dev.rotor.spi.VersionedSessionStore;
import dev.rotor.tck.VersionedStoreContract;
import dev.rotor.testing.postgres.PostgresServer;
import dev.rotor.testing.postgres.TestDatabase;
import org.junit.jupiter.api.AfterAll;

/**
 * The whole contract of a compare-and-set store on a real PostgreSQL 14, in a database of its own on the shared
 * server.
 */
class JdbcSessionStoreTest extends VersionedStoreContract {

    private static final TestDatabase DATABASE = StoredRows.database(PostgresServer.shared());
    private static final JdbcSessionStore STORE =
            JdbcSessionStore.builder().dataSource(DATABASE.dataSource()).build();

    @AfterAll
    static void close() {
        STORE.close();
        DATABASE.close();
    }

    @Override
    protected VersionedSessionStore versionedStore() {
        return STORE.versioned();
    }

    @Override
    protected boolean holdsAnything(String subject) {
        STORE.deleteExpired();
        return StoredRows.holdAnythingOf(DATABASE, subject);
    }

    @Override
    protected String storedContent() {
        return DATABASE.contents();
    }
}
