package dev.rotor.benchmarks;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.rotor.TokenPair;
import dev.rotor.TokenService;
import dev.rotor.store.jdbc.JdbcSessionStore;
import dev.rotor.testing.postgres.PostgresServer;
import dev.rotor.testing.postgres.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A full refresh on PostgreSQL 14, against a server the benchmark starts itself on loopback ({@code fsync} off, as
 * in the tests: this measures statements and round trips, not disk flushes), both sides on the same HikariCP pool
 * size. Rotor: one statement, its own transaction (rotate the session only {@code WHERE} it is at the presented
 * generation, and move the user's version). Baseline: the original Go service's flow in one transaction, {@code SELECT} the token's
 * state, {@code UPDATE} it used, {@code INSERT} the new one, {@code COMMIT}, with java-jwt for the tokens.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class RefreshJdbcBench {

    private static final String BASELINE_SCHEMA = "CREATE TABLE refresh_tokens (jti text PRIMARY KEY,"
            + " subject text NOT NULL, state text NOT NULL, expires_at timestamptz NOT NULL)";
    private static final String SELECT_STATE = "SELECT state FROM refresh_tokens WHERE jti = ?";
    private static final String MARK_USED = "UPDATE refresh_tokens SET state = 'used' WHERE jti = ?";
    private static final String INSERT_NEW =
            "INSERT INTO refresh_tokens (jti, subject, state, expires_at) VALUES (?, ?, 'valid', ?)";

    /** The server, Rotor's database and the baseline's, each behind a pool of 16 connections. */
    @State(Scope.Benchmark)
    public static class Postgres {
        PostgresServer server;
        TestDatabase rotorDatabase;
        TestDatabase baselineDatabase;
        JdbcSessionStore store;
        TokenService tokens;
        JWTVerifier verifier;

        /** Starts PostgreSQL and creates both schemas. */
        @Setup(Level.Trial)
        public void start() {
            server = PostgresServer.start();
            rotorDatabase = TestDatabase.create(server, JdbcSessionStore.schema());
            baselineDatabase = TestDatabase.create(server, BASELINE_SCHEMA);
            store = JdbcSessionStore.builder()
                    .dataSource(rotorDatabase.dataSource())
                    .build();
            tokens = Fixtures.tokenService(store);
            verifier = JWT.require(Fixtures.HS256).withIssuer(Fixtures.ISSUER).build();
        }

        /** Closes the pools and stops PostgreSQL. */
        @TearDown(Level.Trial)
        public void stop() {
            store.close();
            rotorDatabase.close();
            baselineDatabase.close();
            server.close();
        }
    }

    /** One session per thread, continued by every refresh. */
    @State(Scope.Thread)
    public static class Chain {
        String rotorToken;
        String baselineToken;

        /**
         * Opens this thread's sessions.
         *
         * @param postgres the server and pools
         * @throws SQLException if the baseline's first token cannot be stored
         */
        @Setup
        public void login(Postgres postgres) throws SQLException {
            String subject = "user-" + UUID.randomUUID();
            rotorToken = postgres.tokens.issue(subject, null, Fixtures.CLAIMS).refreshToken();
            String jti = UUID.randomUUID().toString();
            baselineToken = Fixtures.javaJwtToken(subject, "s-" + subject, "rt+jwt", Duration.ofDays(7), false, jti);
            try (Connection connection = postgres.baselineDatabase.dataSource().getConnection()) {
                insert(connection, jti, subject);
            }
        }
    }

    /**
     * Rotor, one thread.
     *
     * @param postgres the server and pools
     * @param chain this thread's session
     * @return the new pair
     */
    @Benchmark
    @Threads(1)
    public TokenPair rotor(Postgres postgres, Chain chain) {
        return rotate(postgres, chain);
    }

    /**
     * The original Go service's flow, one thread.
     *
     * @param postgres the server and pools
     * @param chain this thread's session
     * @return the new access token
     * @throws SQLException if PostgreSQL fails
     */
    @Benchmark
    @Threads(1)
    public String baseline(Postgres postgres, Chain chain) throws SQLException {
        return originalFlow(postgres, chain);
    }

    /**
     * Rotor, two threads.
     *
     * @param postgres the server and pools
     * @param chain this thread's session
     * @return the new pair
     */
    @Benchmark
    @Threads(2)
    public TokenPair rotorTwoThreads(Postgres postgres, Chain chain) {
        return rotate(postgres, chain);
    }

    /**
     * The original Go service's flow, two threads.
     *
     * @param postgres the server and pools
     * @param chain this thread's session
     * @return the new access token
     * @throws SQLException if PostgreSQL fails
     */
    @Benchmark
    @Threads(2)
    public String baselineTwoThreads(Postgres postgres, Chain chain) throws SQLException {
        return originalFlow(postgres, chain);
    }

    private static TokenPair rotate(Postgres postgres, Chain chain) {
        TokenPair pair = postgres.tokens.refresh(chain.rotorToken);
        chain.rotorToken = pair.refreshToken();
        return pair;
    }

    private static String originalFlow(Postgres postgres, Chain chain) throws SQLException {
        DecodedJWT jwt = postgres.verifier.verify(chain.baselineToken);
        DataSource dataSource = postgres.baselineDatabase.dataSource();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement select = connection.prepareStatement(SELECT_STATE)) {
                    select.setString(1, jwt.getId());
                    try (ResultSet state = select.executeQuery()) {
                        if (!state.next() || !"valid".equals(state.getString(1))) {
                            throw new IllegalStateException("refresh token reused");
                        }
                    }
                }
                try (PreparedStatement used = connection.prepareStatement(MARK_USED)) {
                    used.setString(1, jwt.getId());
                    used.executeUpdate();
                }
                String sessionId = jwt.getClaim("sid").asString();
                String access = Fixtures.javaJwtToken(
                        jwt.getSubject(),
                        sessionId,
                        "at+jwt",
                        Duration.ofMinutes(15),
                        true,
                        UUID.randomUUID().toString());
                String nextJti = UUID.randomUUID().toString();
                String next = Fixtures.javaJwtToken(
                        jwt.getSubject(), sessionId, "rt+jwt", Duration.ofDays(7), false, nextJti);
                insert(connection, nextJti, jwt.getSubject());
                connection.commit();
                chain.baselineToken = next;
                return access;
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    private static void insert(Connection connection, String jti, String subject) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_NEW)) {
            insert.setString(1, jti);
            insert.setString(2, subject);
            insert.setTimestamp(3, Timestamp.from(Instant.now().plus(Duration.ofDays(7))));
            insert.executeUpdate();
        }
    }
}
