package dev.rotor.spring.boot;

import dev.rotor.spi.LoginRequest;
import dev.rotor.spi.LoginResult;
import dev.rotor.spi.RotationRequest;
import dev.rotor.spi.RotationResult;
import dev.rotor.spi.SessionRecord;
import dev.rotor.spi.SessionStore;
import dev.rotor.spi.StoreUnavailableException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The store as the auto-configured {@link dev.rotor.TokenService} sees it, timed: {@code rotor.store.calls}
 * tagged by {@code operation} ({@code create}, {@code rotate}, {@code find}, {@code list}, {@code revoke},
 * {@code revoke_all}) and {@code outcome} ({@code ok}, {@code unavailable}). Never a subject or session id.
 */
final class TimedSessionStore implements SessionStore {

    private final SessionStore store;
    private final ObjectProvider<MeterRegistry> meters;

    TimedSessionStore(SessionStore store, ObjectProvider<MeterRegistry> meters) {
        this.store = store;
        this.meters = meters;
    }

    @Override
    public LoginResult create(LoginRequest request) {
        return timed("create", () -> store.create(request));
    }

    @Override
    public RotationResult rotate(RotationRequest request) {
        return timed("rotate", () -> store.rotate(request));
    }

    @Override
    public Optional<SessionRecord> find(String subject, String sessionId, Instant now) {
        return timed("find", () -> store.find(subject, sessionId, now));
    }

    @Override
    public List<SessionRecord> list(String subject, Instant now) {
        return timed("list", () -> store.list(subject, now));
    }

    @Override
    public boolean revoke(String subject, String sessionId, Instant now) {
        return timed("revoke", () -> store.revoke(subject, sessionId, now));
    }

    @Override
    public int revokeAll(String subject, Instant now) {
        return timed("revoke_all", () -> store.revokeAll(subject, now));
    }

    private <T> T timed(String operation, Supplier<T> call) {
        MeterRegistry registry = meters.getIfAvailable();
        if (registry == null) {
            return call.get();
        }
        long start = System.nanoTime();
        String outcome = "unavailable";
        try {
            T result = call.get();
            outcome = "ok";
            return result;
        } catch (StoreUnavailableException e) {
            throw e;
        } finally {
            Timer.builder("rotor.store.calls")
                    .description("Calls from Rotor to its session store")
                    .tag("operation", operation)
                    .tag("outcome", outcome)
                    .register(registry)
                    .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }
}
