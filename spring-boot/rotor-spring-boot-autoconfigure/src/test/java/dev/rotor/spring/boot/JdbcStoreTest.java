package dev.rotor.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rotor.RotorException;
import dev.rotor.RotorException.Reason;
import dev.rotor.TokenPair;
import dev.rotor.TokenService;
import dev.rotor.spi.SessionStore;
import dev.rotor.store.jdbc.JdbcSessionStore;
import dev.rotor.testing.postgres.PostgresServer;
import dev.rotor.testing.postgres.TestDatabase;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The jdbc store on a real PostgreSQL through a real pooled DataSource, as an application's would be. */
class JdbcStoreTest {

    private static PostgresServer postgres;
    private static TestDatabase database;

    private final ApplicationContextRunner base = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RotorAutoConfiguration.class, RotorHealthAutoConfiguration.class))
            .withPropertyValues("rotor.signing-key.secret=" + RotorAutoConfigurationTest.SECRET);

    // a pool per context, as Boot's own: the context closes it (the bean's close() is its destroy method)
    private final ApplicationContextRunner runner =
            base.withBean(DataSource.class, () -> TestDatabase.pool(database.url(), "TRANSACTION_READ_COMMITTED"));

    @BeforeAll
    static void startPostgres() {
        postgres = PostgresServer.start(); // its own server: this class stops and starts it
        database = TestDatabase.create(postgres, JdbcSessionStore.schema());
    }

    @AfterAll
    static void stopPostgres() {
        database.close();
        postgres.close();
    }

    @Test
    void aDataSourceSelectsThePostgresStoreWhenTheTypeIsUnset() {
        runner.run(context -> assertThat(context.getBean(SessionStore.class)).isInstanceOf(JdbcSessionStore.class));
        runner.withPropertyValues("rotor.store.type=jdbc")
                .run(context -> assertThat(context.getBean(SessionStore.class)).isInstanceOf(JdbcSessionStore.class));
        runner.withPropertyValues("rotor.store.type=memory")
                .run(context ->
                        assertThat(context.getBean(SessionStore.class)).isNotInstanceOf(JdbcSessionStore.class));
    }

    @Test
    void loginRefreshAndReuseGoThroughPostgres() {
        runner.run(context -> {
            TokenService tokens = context.getBean(TokenService.class);
            TokenPair first = tokens.issue("alice");
            TokenPair second = tokens.refresh(first.refreshToken());
            assertThat(tokens.verifyAccessToken(second.accessToken()).subject()).isEqualTo("alice");

            assertThatThrownBy(() -> tokens.refresh(first.refreshToken()))
                    .isInstanceOfSatisfying(
                            RotorException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOKEN_REUSED));
            assertThatThrownBy(() -> tokens.refresh(second.refreshToken()))
                    .as("reuse revoked the session in the database")
                    .isInstanceOfSatisfying(
                            RotorException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOKEN_REVOKED));
            assertThat(database.contents()).contains("alice");
        });
    }

    @Test
    void healthIsDownWhenTheTablesAreMissingThoughEveryConnectionIsValid() {
        TestDatabase empty = TestDatabase.create(postgres, "SELECT 1");
        try {
            base.withBean(DataSource.class, () -> TestDatabase.pool(empty.url(), "TRANSACTION_READ_COMMITTED"))
                    .run(context -> {
                        try (var connection = context.getBean(DataSource.class).getConnection()) {
                            assertThat(connection.isValid(2))
                                    .as("what a connection check would report")
                                    .isTrue();
                        }
                        HealthIndicator health = context.getBean("rotorHealthIndicator", HealthIndicator.class);
                        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
                    });
        } finally {
            empty.close();
        }
    }

    @Test
    void healthIsDownWhilePostgresIsStoppedAndUpWhenItIsBack() {
        runner.run(context -> {
            HealthIndicator health = context.getBean("rotorHealthIndicator", HealthIndicator.class);
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);

            postgres.stop();
            try {
                assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
                assertThat(health.health().getDetails()).containsEntry("error", "store unavailable");
            } finally {
                postgres.startAgain();
            }
            database.awaitAnswering(Duration.ofSeconds(30));
            // as a monitor polls: a check may still meet a pooled connection the restart broke, which Hikari drops
            Status status = health.health().getStatus();
            for (int i = 0; i < 50 && !Status.UP.equals(status); i++) {
                Thread.sleep(200);
                status = health.health().getStatus();
            }
            assertThat(status).isEqualTo(Status.UP);
            assertThat(context.getBean(TokenService.class).issue("alice").refreshToken())
                    .isNotBlank();
        });
    }
}
