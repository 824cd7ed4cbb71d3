package dev.rotor.spring.boot;

import dev.rotor.spi.SessionStore;
import dev.rotor.store.jdbc.JdbcSessionStore;
import javax.sql.DataSource;

/**
 * Builds the PostgreSQL store on the application's DataSource; loaded only when it is selected. The tables must
 * exist ({@link JdbcSessionStore#schema()}), created by the application's migrations.
 */
final class JdbcStoreFactory {

    private JdbcStoreFactory() {}

    static SessionStore create(DataSource dataSource) {
        return JdbcSessionStore.builder().dataSource(dataSource).build();
    }
}
