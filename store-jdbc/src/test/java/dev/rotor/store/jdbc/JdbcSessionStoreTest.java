package dev.rotor.store.jdbc;

import dev.rotor.spi.SessionStore;
import dev.rotor.tck.SessionStoreContract;
import dev.rotor.testing.postgres.PostgresServer;
import dev.rotor.testing.postgres.TestDatabase;
import org.junit.jupiter.api.AfterAll;

/** The whole store contract on a real PostgreSQL 14, in a database of its own on the shared server. */
class JdbcSessionStoreTest extends SessionStoreContract {

    private static final TestDatabase DATABASE = StoredRows.database(PostgresServer.shared());
    private static final JdbcSessionStore STORE =
            JdbcSessionStore.builder().dataSource(DATABASE.dataSource()).build();

    @AfterAll
    static void close() {
        STORE.close();
        DATABASE.close();
    }

    @Override
    protected SessionStore store() {
        return STORE;
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
