package dev.rotor.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.rpc.ErrorInfo;
import dev.rotor.examples.grpc.AuthServiceGrpc;
import dev.rotor.examples.grpc.LoginReply;
import dev.rotor.examples.grpc.LoginRequest;
import dev.rotor.examples.grpc.LogoutRequest;
import dev.rotor.examples.grpc.RefreshTokenReply;
import dev.rotor.examples.grpc.RefreshTokenRequest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The gRPC API of the example server, over a real channel. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GrpcApiTest {

    private final RunningServer server = new RunningServer(Map.of());
    private final ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.server.grpcPort())
            .usePlaintext()
            .build();
    private final AuthServiceGrpc.AuthServiceBlockingStub auth = AuthServiceGrpc.newBlockingStub(channel);

    @AfterAll
    void stop() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.close();
    }

    @Test
    void loginRefreshAndReplayFollowTheOriginalSequence() {
        LoginReply login = auth.login(LoginRequest.newBuilder()
                .setUsername("alice")
                .setPassword("wonderland")
                .setDeviceId("cli")
                .build());
        assertThat(login.getExpiresIn()).isEqualTo(900);

        RefreshTokenReply refreshed = auth.refreshToken(refresh(login.getRefreshToken()));
        assertThat(refreshed.getRefreshToken()).isNotEqualTo(login.getRefreshToken());
        assertThat(refreshed.getExpiresIn()).isEqualTo(900);

        assertStatus(
                () -> auth.refreshToken(refresh(login.getRefreshToken())), Status.Code.UNAUTHENTICATED, "TOKEN_REUSED");
        assertStatus(
                () -> auth.refreshToken(refresh(refreshed.getRefreshToken())),
                Status.Code.UNAUTHENTICATED,
                "TOKEN_REVOKED");
    }

    @Test
    void errorsCarryTheirCodeAndReason() {
        assertStatus(() -> auth.refreshToken(refresh("")), Status.Code.INVALID_ARGUMENT, "REFRESH_TOKEN_REQUIRED");
        assertStatus(() -> auth.refreshToken(refresh("a.b.c")), Status.Code.UNAUTHENTICATED, "TOKEN_INVALID");
        assertStatus(
                () -> auth.login(LoginRequest.newBuilder()
                        .setUsername("alice")
                        .setPassword("no")
                        .build()),
                Status.Code.UNAUTHENTICATED,
                "INVALID_CREDENTIALS");
        assertStatus(
                () -> auth.login(LoginRequest.newBuilder()
                        .setUsername("alice")
                        .setPassword("wonderland")
                        .setDeviceId("d".repeat(300))
                        .build()),
                Status.Code.INVALID_ARGUMENT,
                "INVALID_REQUEST");
    }

    @Test
    void aMessageOverTheHttpBodyLimitIsRefusedBeforeTheService() {
        assertThatThrownBy(() -> auth.refreshToken(refresh("a".repeat(JsonExchange.MAX_BODY_BYTES + 1))))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED));
        assertStatus(() -> auth.refreshToken(refresh("a.b.c")), Status.Code.UNAUTHENTICATED, "TOKEN_INVALID");
    }

    @Test
    void logoutEndsTheSession() {
        LoginReply login = auth.login(LoginRequest.newBuilder()
                .setUsername("alice")
                .setPassword("wonderland")
                .build());

        auth.logout(LogoutRequest.newBuilder()
                .setRefreshToken(login.getRefreshToken())
                .build());

        assertStatus(
                () -> auth.refreshToken(refresh(login.getRefreshToken())),
                Status.Code.UNAUTHENTICATED,
                "TOKEN_REVOKED");
    }

    private static RefreshTokenRequest refresh(String token) {
        return RefreshTokenRequest.newBuilder().setRefreshToken(token).build();
    }

    private static void assertStatus(ThrowingCallable call, Status.Code code, String reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(code);
            com.google.rpc.Status status = StatusProto.fromThrowable(e);
            try {
                ErrorInfo info = status.getDetails(0).unpack(ErrorInfo.class);
                assertThat(info.getReason()).isEqualTo(reason);
                assertThat(info.getDomain()).isEqualTo("rotor.dev");
            } catch (com.google.protobuf.InvalidProtocolBufferException ex) {
                throw new AssertionError(ex);
            }
        });
    }
}
