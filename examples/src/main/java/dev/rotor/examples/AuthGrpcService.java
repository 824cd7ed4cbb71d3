package dev.rotor.examples;

import com.google.protobuf.Any;
import com.google.rpc.ErrorInfo;
import dev.rotor.RotorException;
import dev.rotor.TokenPair;
import dev.rotor.TokenService;
import dev.rotor.examples.grpc.AuthServiceGrpc;
import dev.rotor.examples.grpc.LoginReply;
import dev.rotor.examples.grpc.LoginRequest;
import dev.rotor.examples.grpc.LogoutReply;
import dev.rotor.examples.grpc.LogoutRequest;
import dev.rotor.examples.grpc.RefreshTokenReply;
import dev.rotor.examples.grpc.RefreshTokenRequest;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The gRPC face of the example: {@code Login}, {@code RefreshToken}, {@code Logout}. A refusal is a gRPC
 * status whose code follows the reason (UNAUTHENTICATED, INVALID_ARGUMENT, NOT_FOUND, UNAVAILABLE) and whose
 * {@code google.rpc.ErrorInfo} detail carries the reason, as in the HTTP error body.
 */
final class AuthGrpcService extends AuthServiceGrpc.AuthServiceImplBase {

    static final String ERROR_DOMAIN = "rotor.dev";

    private final TokenService tokens;
    private final DemoUsers users;

    AuthGrpcService(TokenService tokens, DemoUsers users) {
        this.tokens = tokens;
        this.users = users;
    }

    @Override
    public void login(LoginRequest request, StreamObserver<LoginReply> reply) {
        answer(reply, () -> {
            if (!users.check(request.getUsername(), request.getPassword())) {
                throw ApiError.invalidCredentials();
            }
            TokenPair pair = tokens.issue(request.getUsername(), emptyToNull(request.getDeviceId()), Map.of());
            return LoginReply.newBuilder()
                    .setAccessToken(pair.accessToken())
                    .setRefreshToken(pair.refreshToken())
                    .setExpiresIn(pair.expiresIn())
                    .build();
        });
    }

    @Override
    public void refreshToken(RefreshTokenRequest request, StreamObserver<RefreshTokenReply> reply) {
        answer(reply, () -> {
            TokenPair pair = tokens.refresh(emptyToNull(request.getRefreshToken()), emptyToNull(request.getDeviceId()));
            return RefreshTokenReply.newBuilder()
                    .setAccessToken(pair.accessToken())
                    .setRefreshToken(pair.refreshToken())
                    .setExpiresIn(pair.expiresIn())
                    .build();
        });
    }

    @Override
    public void logout(LogoutRequest request, StreamObserver<LogoutReply> reply) {
        answer(reply, () -> {
            tokens.logout(emptyToNull(request.getRefreshToken()));
            return LogoutReply.getDefaultInstance();
        });
    }

    private static <T> void answer(StreamObserver<T> reply, Supplier<T> call) {
        T result;
        try {
            result = call.get();
        } catch (RotorException e) {
            reply.onError(error(e.reason().grpcCode(), e.reason().name(), e.getMessage()));
            return;
        } catch (ApiError e) {
            reply.onError(error(io.grpc.Status.Code.UNAUTHENTICATED.value(), e.reason, e.getMessage()));
            return;
        } catch (IllegalArgumentException e) {
            reply.onError(error(io.grpc.Status.Code.INVALID_ARGUMENT.value(), "INVALID_REQUEST", e.getMessage()));
            return;
        }
        reply.onNext(result);
        reply.onCompleted();
    }

    private static RuntimeException error(int code, String reason, String message) {
        com.google.rpc.Status status = com.google.rpc.Status.newBuilder()
                .setCode(code)
                .setMessage(message)
                .addDetails(Any.pack(ErrorInfo.newBuilder()
                        .setReason(reason)
                        .setDomain(ERROR_DOMAIN)
                        .build()))
                .build();
        return StatusProto.toStatusRuntimeException(status);
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
