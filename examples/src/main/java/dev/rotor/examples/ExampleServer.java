package dev.rotor.examples;

import com.sun.net.httpserver.HttpServer;
import dev.rotor.TokenEventListener;
import dev.rotor.TokenService;
import dev.rotor.TokenServiceBuilder;
import dev.rotor.spi.SessionStore;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The example server: Rotor behind the original Go service's HTTP and gRPC endpoints. */
public final class ExampleServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExampleServer.class);

    static {
        // The JDK server reads requests on its worker threads and waits forever by default: a few clients
        // trickling bytes would hold every thread. Bound how long a request and a response may take.
        System.setProperty("sun.net.httpserver.maxReqTime", System.getProperty("sun.net.httpserver.maxReqTime", "10"));
        System.setProperty("sun.net.httpserver.maxRspTime", System.getProperty("sun.net.httpserver.maxRspTime", "10"));
    }

    private final HttpServer http;
    private final ExecutorService httpThreads;
    private final Server grpc;
    private final SessionStore store;

    private ExampleServer(HttpServer http, ExecutorService httpThreads, Server grpc, SessionStore store) {
        this.http = http;
        this.httpThreads = httpThreads;
        this.grpc = grpc;
        this.store = store;
    }

    /**
     * Starts the server from the environment and runs until the process is stopped.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        ExampleServer server;
        try {
            server = start(ServerSettings.fromEnvironment(System.getenv()));
        } catch (IllegalArgumentException e) {
            LOG.error("Bad configuration: {}", e.getMessage());
            System.exit(2);
            return;
        } catch (RuntimeException e) { // a port in use, a Redis cluster that can't be reached
            LOG.error("Cannot start: {}", e.toString());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "rotor-shutdown"));
    }

    /**
     * Starts the HTTP and gRPC servers.
     *
     * @param settings the configuration
     * @param listeners extra event listeners, such as a test's counter
     * @return the running server
     * @throws UncheckedIOException if a port cannot be bound
     */
    public static ExampleServer start(ServerSettings settings, TokenEventListener... listeners) {
        SessionStore store = Stores.from(settings.redisUrl(), settings.databaseUrl());
        DemoUsers users = new DemoUsers(settings.demoUsers());
        TokenServiceBuilder builder = TokenService.builder()
                .store(store)
                .accessTokenTtl(settings.accessTtl())
                .refreshTokenTtl(settings.refreshTtl())
                .reuseScope(settings.reuseScope())
                .userLookup((subject, claims) -> users.exists(subject) ? Optional.of(claims) : Optional.empty())
                .eventListener(new AuditLog());
        IdentityKeys.configure(builder, settings.identity(), settings.jwtSecret());
        if (!settings.reuseGrace().isZero()) {
            builder.reuseGracePeriod(settings.reuseGrace(), 1);
        }
        for (TokenEventListener listener : listeners) {
            builder.eventListener(listener);
        }
        TokenService tokens = builder.build();
        GrpcLogBridge.install();
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(settings.host(), settings.httpPort()), 128);
            ExecutorService httpThreads = Executors.newFixedThreadPool(16);
            http.setExecutor(httpThreads);
            http.createContext(
                    "/",
                    new WebPages(new HttpApi(
                            new AuthEndpoints(tokens, users, settings.refreshTokenCookie(), settings.refreshTtl()),
                            new WellKnownEndpoints(tokens, settings.identity()))));
            Server grpc = NettyServerBuilder.forAddress(new InetSocketAddress(settings.host(), settings.grpcPort()))
                    .maxInboundMessageSize(JsonExchange.MAX_BODY_BYTES) // the HTTP body limit, not gRPC's 4 MB
                    .addService(ServerInterceptors.intercept(new AuthGrpcService(tokens, users), new GrpcAccessLog()))
                    .build()
                    .start();
            http.start();
            ExampleServer server = new ExampleServer(http, httpThreads, grpc, store);
            LOG.info(
                    "Rotor example server on http://{}:{} and gRPC {}:{} with the {} store",
                    settings.host(),
                    server.httpPort(),
                    settings.host(),
                    server.grpcPort(),
                    settings.databaseUrl() != null
                            ? "PostgreSQL"
                            : settings.redisUrl() == null ? "in-memory" : "Redis");
            return server;
        } catch (IOException e) {
            Stores.close(store);
            throw new UncheckedIOException("cannot listen on the configured ports", e);
        }
    }

    /**
     * The HTTP port, useful when 0 was configured.
     *
     * @return the bound port
     */
    public int httpPort() {
        return http.getAddress().getPort();
    }

    /**
     * The gRPC port, useful when 0 was configured.
     *
     * @return the bound port
     */
    public int grpcPort() {
        return grpc.getPort();
    }

    /** Stops both servers and closes the store. */
    @Override
    public void close() {
        http.stop(0);
        httpThreads.shutdownNow();
        grpc.shutdownNow();
        try {
            grpc.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Stores.close(store);
    }
}
