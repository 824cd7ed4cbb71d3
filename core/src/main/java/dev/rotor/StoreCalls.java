package dev.rotor;

import java.util.function.Supplier;

/**
 * Calls the session store for the service. A failure becomes {@code STORE_UNAVAILABLE}, reported through
 * {@link StoreHealth} (once per outage, not once per call), and a call that may have revoked sessions makes this instance forget their live answers, even when it failed:
 * the revocation may have committed before the reply was lost.
 */
final class StoreCalls {

    private final LiveSessionCache liveSessions;
    private final ReuseScope reuseScope;
    private final boolean oauth2Errors;
    private final StoreHealth health;

    /** {@code liveSessions} is {@code null} when access tokens are not checked against the store. */
    StoreCalls(LiveSessionCache liveSessions, ReuseScope reuseScope, boolean oauth2Errors, StoreHealth health) {
        this.liveSessions = liveSessions;
        this.health = health;
        this.reuseScope = reuseScope;
        this.oauth2Errors = oauth2Errors;
    }

    /** A call of a token endpoint: failures answer in the OAuth form if it is on. */
    <T> T call(Supplier<T> call) {
        return call(call, oauth2Errors);
    }

    /** A call that checks an access token, which is no token endpoint's: failures answer in the original form. */
    <T> T callForAccessCheck(Supplier<T> call) {
        return call(call, false);
    }

    /** A call that revokes the session, or every session of the subject if {@code sessionId} is {@code null}. */
    <T> T revoking(String subject, String sessionId, Supplier<T> call) {
        try {
            return call(call);
        } finally {
            forgetLive(subject, sessionId);
        }
    }

    /** Forgets the live answers of a session, or of every session of the subject if {@code sessionId} is null. */
    void forget(String subject, String sessionId) {
        forgetLive(subject, sessionId);
    }

    /** Forgets the live answers of what a reuse of this session revokes under the reuse scope. */
    void forgetRevokedByReuse(String subject, String sessionId) {
        forgetLive(subject, reuseScope == ReuseScope.SESSION ? sessionId : null);
    }

    private <T> T call(Supplier<T> call, boolean oauth2) {
        T result;
        try {
            result = call.get();
        } catch (RuntimeException e) {
            health.failed(e);
            throw RotorException.storeUnavailable(e, oauth2);
        }
        health.succeeded();
        return result;
    }

    private void forgetLive(String subject, String sessionId) {
        if (liveSessions == null) {
            return;
        }
        if (sessionId == null) {
            liveSessions.forgetSubject(subject);
        } else {
            liveSessions.forget(subject, sessionId);
        }
    }
}
