package dev.rotor.examples;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.ErrorInfo;
import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;

/** Writes the {@link AccessLog} line of each gRPC call when it closes, with the reason of its {@code ErrorInfo}. */
final class GrpcAccessLog implements ServerInterceptor {

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(
            ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
        return next.startCall(
                new SimpleForwardingServerCall<>(call) {
                    @Override
                    public void close(Status status, Metadata trailers) {
                        AccessLog.request(
                                "POST",
                                "/" + getMethodDescriptor().getFullMethodName(),
                                status.getCode(),
                                reason(status, trailers));
                        super.close(status, trailers);
                    }
                },
                headers);
    }

    private static String reason(Status status, Metadata trailers) {
        if (status.isOk()) {
            return "OK";
        }
        com.google.rpc.Status details = StatusProto.fromStatusAndTrailers(status, trailers);
        for (Any detail : details.getDetailsList()) {
            if (detail.is(ErrorInfo.class)) {
                try {
                    return detail.unpack(ErrorInfo.class).getReason();
                } catch (InvalidProtocolBufferException e) {
                    break;
                }
            }
        }
        return status.getCode().name();
    }
}
