package dev.rotor.spi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The decision of a login at the session limit, as {@link LoginRequest} describes it. */
final class LoginRules {

    /** Oldest first: by login time, then by session id. */
    static final Comparator<SessionRecord> OLDEST_FIRST =
            Comparator.comparing(SessionRecord::createdAt).thenComparing(SessionRecord::sessionId);

    private LoginRules() {}

    /**
     * What a login does to a subject's records.
     *
     * @param result what to answer
     * @param removed ids of the records to delete with the login, evicted ones included
     */
    record Plan(LoginResult result, List<String> removed) {}

    static Plan decide(List<SessionRecord> stored, LoginRequest request) {
        Instant now = request.session().createdAt();
        List<SessionRecord> live = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        int unexpired = 0;
        for (SessionRecord session : stored) {
            if (!session.isExpired(now)) {
                unexpired++;
                if (session.revoked()) {
                    removed.add(session.sessionId());
                } else {
                    live.add(session);
                }
            }
        }
        int max = request.maxSessions();
        if (unexpired < max) {
            return new Plan(LoginResult.openedAlone(), List.of());
        }
        if (request.rejectAtLimit() && live.size() >= max) {
            return new Plan(LoginResult.rejected(), List.of());
        }
        live.sort(OLDEST_FIRST);
        List<SessionRecord> evicted = live.subList(0, Math.max(0, live.size() - max + 1));
        evicted.forEach(session -> removed.add(session.sessionId()));
        return new Plan(new LoginResult(true, evicted), removed);
    }
}
