package dev.rotor.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rotor.examples.grpc.AuthServiceGrpc;
import dev.rotor.examples.grpc.RefreshTokenRequest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.StatusRuntimeException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the example server logs (slf4j-simple writes to the standard error stream, read here): one access line
 * per HTTP or gRPC request, audit lines without {@code null}, and one line, no stack trace, for a gRPC message
 * over the limit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerLogTest {

    private final RunningServer server = new RunningServer(Map.of());
    private final ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.server.grpcPort())
            .usePlaintext()
            .build();
    private final AuthServiceGrpc.AuthServiceBlockingStub auth = AuthServiceGrpc.newBlockingStub(channel);

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final List<LogRecord> julConsole = new ArrayList<>();
    private final Handler julRoot = new Handler() {
        @Override
        public synchronized void publish(LogRecord record) {
            julConsole.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private PrintStream stderr;

    @BeforeEach
    void capture() {
        stderr = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        Logger.getLogger("").addHandler(julRoot);
    }

    @AfterEach
    void release() {
        System.setErr(stderr);
        Logger.getLogger("").removeHandler(julRoot);
    }

    @AfterAll
    void stop() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.close();
    }

    @Test
    void grpcCallsGetTheSameAccessLineAsHttpCalls() {
        server.refresh("a.b.c");
        assertThatThrownBy(() -> auth.refreshToken(RefreshTokenRequest.newBuilder()
                        .setRefreshToken("a.b.c")
                        .build()))
                .isInstanceOf(StatusRuntimeException.class);

        assertThat(lines())
                .anySatisfy(line -> assertThat(line)
                        .endsWith("dev.rotor.examples.access - POST /api/v1/auth/refresh -> 401 TOKEN_INVALID"))
                .anySatisfy(line -> assertThat(line)
                        .endsWith("dev.rotor.examples.access - POST /rotor.examples.auth.v1.AuthService/RefreshToken"
                                + " -> UNAUTHENTICATED TOKEN_INVALID"));
    }

    @Test
    void logoutAllIsAuditedWithoutANullSession() {
        JsonNode login = server.login("laptop");

        server.send(HttpRequest.newBuilder(server.uri("/api/v1/auth/logout-all"))
                .header("Authorization", "Bearer " + login.path("access_token").asText())
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(lines())
                .anySatisfy(line -> assertThat(line)
                        .endsWith("dev.rotor.examples.audit - REVOKED subject=alice all sessions (1 revoked)"))
                .noneSatisfy(line -> assertThat(line).contains("null"));
    }

    @Test
    void anOversizedGrpcMessageIsOneSlf4jLineWithoutAStackTrace() throws InterruptedException {
        assertThatThrownBy(() -> auth.refreshToken(RefreshTokenRequest.newBuilder()
                        .setRefreshToken("a".repeat(JsonExchange.MAX_BODY_BYTES + 1))
                        .build()))
                .isInstanceOf(StatusRuntimeException.class);

        for (int i = 0; i < 50 && lines().stream().noneMatch(l -> l.contains("exceeds maximum size")); i++) {
            Thread.sleep(100);
        }
        assertThat(lines())
                .filteredOn(line -> line.contains("exceeds maximum size"))
                .singleElement()
                .satisfies(line -> assertThat(line).contains(" WARN io.grpc."));
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("\tat ");
        assertThat(julConsole)
                .noneSatisfy(record -> assertThat(record.getLoggerName()).startsWith("io.grpc"));
    }

    private List<String> lines() {
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
