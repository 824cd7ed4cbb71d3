package dev.rotor.store.jdbc;

import static dev.rotor.tck.SessionStoreContract.assertRefusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.rotor.JwtKey;
import dev.rotor.RotorException.Reason;
import dev.rotor.TokenPair;
import dev.rotor.TokenService;
import dev.rotor.spi.StoreUnavailableException;
import dev.rotor.testing.postgres.PostgresServer;
import dev.rotor.testing.postgres.TestDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stopped, crashed and started again under a running application, on a server of this class's own:
 * refused with {@code STORE_UNAVAILABLE} and nothing issued while it is down, working again once it is back,
 * without a new store or pool.
 */
class JdbcFaultTest {

    private static final byte[] SECRET = "the fault tests' secret, 32 bytes or more".getBytes(StandardCharsets.UTF_8);
    private static PostgresServer server;
    private static TestDatabase database;

    @BeforeAll
    static void start() {
        server = PostgresServer.start();
        database = StoredRows.database(server);
    }

    @AfterAll
    static void stop() {
        database.close();
        server.close();
    }

    @Test
    void stoppedMeansStoreUnavailableAndStartedAgainMeansWorkingAgain() {
        runOutage(server::stop);
    }

    @Test
    void aCrashedServerRecoversAndKeepsWhatWasCommitted() {
        runOutage(server::kill);
    }

    @Test
    void aMissingTableIsStoreUnavailableNamingTheSchema() {
        try (HikariDataSource empty = TestDatabase.pool(server.createDatabase(), "TRANSACTION_READ_COMMITTED");
                JdbcSessionStore store =
                        JdbcSessionStore.builder().dataSource(empty).build()) {
            assertThatThrownBy(() -> store.list("anyone", java.time.Instant.now()))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("schema.sql");
        }
    }

    private static void runOutage(Runnable outage) {
        AtomicInteger connects = new AtomicInteger();
        DataSource counting = (DataSource) Proxy.newProxyInstance(
                DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        connects.incrementAndGet();
                    }
                    try {
                        return method.invoke(database.dataSource(), args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        try (JdbcSessionStore store =
                JdbcSessionStore.builder().dataSource(counting).build()) {
            TokenService tokens = TokenService.builder()
                    .signingKey(JwtKey.hs256("k1", SECRET))
                    .store(store)
                    .build();
            String subject = "erin-" + java.util.UUID.randomUUID();
            TokenPair before = tokens.issue(subject, "laptop", java.util.Map.of());
            TokenPair rotated = tokens.refresh(before.refreshToken());

            outage.run();
            long start = System.nanoTime();
            assertRefusal(() -> tokens.refresh(rotated.refreshToken()), Reason.STORE_UNAVAILABLE);
            int before2 = connects.get();
            assertRefusal(() -> tokens.refresh(rotated.refreshToken()), Reason.STORE_UNAVAILABLE);
            int second = connects.get() - before2;
            assertRefusal(() -> tokens.issue(subject), Reason.STORE_UNAVAILABLE);
            assertThat(second)
                    .as("connections tried by a refresh while PostgreSQL is known down: the read's one")
                    .isEqualTo(1);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));

            server.startAgain();
            database.awaitAnswering(Duration.ofSeconds(20));
            TokenPair after = tokens.refresh(rotated.refreshToken());
            assertThat(after.sessionId()).isEqualTo(before.sessionId());
            assertRefusal(() -> tokens.refresh(before.refreshToken()), Reason.TOKEN_REUSED);
            assertRefusal(() -> tokens.refresh(after.refreshToken()), Reason.TOKEN_REVOKED);
        }
    }
}
