package dev.rotor.testing.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class PostgresServerTest {

    @Test
    void startsServesStopsAndStartsAgainWithItsData() throws Exception {
        try (PostgresServer server = PostgresServer.start()) {
            String url = server.createDatabase();
            execute(url, "CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)");
            assertThat(query(url, "SELECT version()")).startsWith("PostgreSQL 14.");

            server.stop();
            assertThatThrownBy(() -> query(url, "SELECT 1")).isInstanceOf(SQLException.class);

            server.startAgain();
            assertThat(query(url, "SELECT v FROM kept")).isEqualTo("42");

            server.kill();
            server.startAgain();
            assertThat(query(url, "SELECT v FROM kept")).isEqualTo("42");
        }
    }

    @Test
    void listensOnLoopbackOnlyAndNeverAsRoot() throws Exception {
        try (PostgresServer server = PostgresServer.start()) {
            assertThat(query(server.jdbcUrl(), "SHOW listen_addresses")).isEqualTo("127.0.0.1");
            assertThat(query(server.jdbcUrl(), "SELECT current_setting('port')"))
                    .isEqualTo(Integer.toString(server.port()));
            Path data = Path.of(query(server.jdbcUrl(), "SHOW data_directory"));
            assertThat((Integer) Files.getAttribute(data, "unix:uid")).isNotZero();
        }
    }

    @Test
    void theSharedServerIsOneAndDatabasesAreSeparate() throws Exception {
        PostgresServer shared = PostgresServer.shared();
        assertThat(PostgresServer.shared()).isSameAs(shared);
        String one = shared.createDatabase();
        String two = shared.createDatabase();
        execute(one, "CREATE TABLE only_here (v int)");

        assertThat(query(two, "SELECT count(*) FROM pg_tables WHERE tablename = 'only_here'"))
                .isEqualTo("0");
    }

    @Test
    void binariesAreUnpackedOnceAndReused() throws Exception {
        Path home = PostgresBinaries.home();
        assertThat(home).endsWith(Path.of(PostgresBinaries.VERSION));
        assertThat(home.resolve("bin/initdb")).isExecutable();
        assertThat(PostgresBinaries.home()).isEqualTo(home);
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String query(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
