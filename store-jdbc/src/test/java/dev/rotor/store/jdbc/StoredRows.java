package dev.rotor.store.jdbc;

import dev.rotor.testing.postgres.PostgresServer;
import dev.rotor.testing.postgres.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** A test database with the store's schema, and what it holds for a subject. */
final class StoredRows {

    private StoredRows() {}

    static TestDatabase database(PostgresServer server) {
        return TestDatabase.create(server, JdbcSessionStore.schema());
    }

    /** Whether any row of either table exists for the subject, expired or not. */
    static boolean holdAnythingOf(TestDatabase database, String subject) {
        byte[] bytes = subject.getBytes(StandardCharsets.UTF_8);
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT (SELECT count(*) FROM rotor_subjects"
                        + " WHERE subject_digest = sha256(?)) + (SELECT count(*) FROM rotor_sessions"
                        + " WHERE subject_digest = sha256(?))")) {
            query.setBytes(1, bytes);
            query.setBytes(2, bytes);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
