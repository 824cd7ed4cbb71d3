package dev.rotor;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Remembers, for a bounded time, that a session was seen live in the store, so that verifying an access
 * token does not ask the store every time. Bounded in size: when full it starts over, which only costs
 * store reads.
 *
 * <p>A live answer read from the store while this instance revoked the session may predate the revocation.
 * So every revocation first bumps a counter, one of a fixed set chosen by the subject, and an answer counts
 * only while the counter it was read under is unchanged: from the moment a revocation is counted, no answer
 * read before it is trusted, however the threads interleave.
 */
final class LiveSessionCache {

    private static final int STRIPES = 1024;

    /** When the session was seen live, and its subject's revocation count read before asking the store. */
    private record Seen(long atMillis, long revocations) {}

    private final ConcurrentHashMap<String, Seen> seen = new ConcurrentHashMap<>();
    private final AtomicLongArray revocations = new AtomicLongArray(STRIPES);
    private final long maxStalenessMillis;
    private final int maxEntries;

    LiveSessionCache(long maxStalenessMillis, int maxEntries) {
        this.maxStalenessMillis = maxStalenessMillis;
        this.maxEntries = maxEntries;
    }

    boolean isFresh(String subject, String sessionId, long nowMillis) {
        Seen live = seen.get(key(subject, sessionId));
        return live != null
                && nowMillis - live.atMillis() < maxStalenessMillis
                && live.revocations() == revocations.get(stripe(subject));
    }

    /** The subject's revocation count: read it before asking the store, and hand it to {@link #seenLive}. */
    long revocations(String subject) {
        return revocations.get(stripe(subject));
    }

    void seenLive(String subject, String sessionId, long nowMillis, long revocationsBefore) {
        if (seen.size() >= maxEntries) {
            seen.clear();
        }
        seen.put(key(subject, sessionId), new Seen(nowMillis, revocationsBefore));
    }

    void forget(String subject, String sessionId) {
        revocations.incrementAndGet(stripe(subject));
        seen.remove(key(subject, sessionId));
    }

    void forgetSubject(String subject) {
        revocations.incrementAndGet(stripe(subject));
        String prefix = subject + '\0';
        seen.keySet().removeIf(key -> key.startsWith(prefix));
    }

    private static int stripe(String subject) {
        return Math.floorMod(subject.hashCode(), STRIPES);
    }

    private static String key(String subject, String sessionId) {
        return subject + '\0' + sessionId;
    }
}
