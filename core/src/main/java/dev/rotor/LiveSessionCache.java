package dev.rotor;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, for a bounded time, that a session was seen live in the store, so that verifying an access
 * token does not ask the store every time. Bounded in size: when full it starts over, which only costs
 * store reads.
 */
final class LiveSessionCache {

    private final ConcurrentHashMap<String, Long> seenLiveAt = new ConcurrentHashMap<>();
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

    void seenLive(String subject, String sessionId, long nowMillis) {
        if (seenLiveAt.size() >= maxEntries) {
            seenLiveAt.clear();
        }
        seenLiveAt.put(key(subject, sessionId), nowMillis);
    }

    void forget(String subject, String sessionId) {
        seenLiveAt.remove(key(subject, sessionId));
    }

    void forgetSubject(String subject) {
        String prefix = subject + '\0';
        seenLiveAt.keySet().removeIf(key -> key.startsWith(prefix));
    }

    private static String key(String subject, String sessionId) {
        return subject + '\0' + sessionId;
    }
}
