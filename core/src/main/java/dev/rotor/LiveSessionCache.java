package dev.rotor;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Remembers, for a bounded time, that a session was seen live in the store, so that verifying an access
 * token does not ask the store every time. Bounded in size: when full it starts over, which only costs
 * store reads.
 *
 * <p>A live answer read from the store while this instance revoked sessions may predate the revocation, so
 * it is not kept: every forget counts a revocation first, and {@link #seenLive} drops its own entry again if
 * the count moved since the caller read it, before or after the entry went in.
 */
final class LiveSessionCache {

    private final ConcurrentHashMap<String, Long> seenLiveAt = new ConcurrentHashMap<>();
    private final AtomicLong revocations = new AtomicLong();
    private final long maxStalenessMillis;
    private final int maxEntries;

    LiveSessionCache(long maxStalenessMillis, int maxEntries) {
        this.maxStalenessMillis = maxStalenessMillis;
        this.maxEntries = maxEntries;
    }

    boolean isFresh(String subject, String sessionId, long nowMillis) {
        Long seen = seenLiveAt.get(key(subject, sessionId));
        return seen != null && nowMillis - seen < maxStalenessMillis;
    }

    /** How many revocations this instance has made: read it before asking the store. */
    long revocations() {
        return revocations.get();
    }

    void seenLive(String subject, String sessionId, long nowMillis, long revocationsBefore) {
        if (seenLiveAt.size() >= maxEntries) {
            seenLiveAt.clear();
        }
        String key = key(subject, sessionId);
        Long seen = nowMillis;
        seenLiveAt.put(key, seen);
        if (revocations.get() != revocationsBefore) {
            seenLiveAt.remove(key, seen);
        }
    }

    void forget(String subject, String sessionId) {
        revocations.incrementAndGet();
        seenLiveAt.remove(key(subject, sessionId));
    }

    void forgetSubject(String subject) {
        revocations.incrementAndGet();
        String prefix = subject + '\0';
        seenLiveAt.keySet().removeIf(key -> key.startsWith(prefix));
    }

    private static String key(String subject, String sessionId) {
        return subject + '\0' + sessionId;
    }
}
