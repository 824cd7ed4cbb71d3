package dev.rotor;

import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the session store for the service. A failure becomes {@code STORE_UNAVAILABLE}, logged once, and a
 * call that may have revoked sessions makes this instance forget their live answers, even when it failed:
 * the revocation may have committed before the reply was lost.
 */
final class StoreCalls {

    private static final Logger LOG = LoggerFactory.getLogger(TokenService.class);

    private final LiveSessionCache liveSessions;
    private final ReuseScope reuseScope;
    private final boolean oauth2Errors;

    /** {@code liveSessions} is {@code null} when access tokens are not checked against the store. */
    StoreCalls(LiveSessionCache liveSessions, ReuseScope reuseScope, boolean oauth2Errors) {
        this.liveSessions = liveSessions;
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
        try {
            return call.get();
        } catch (RuntimeException e) {
            // As text: slf4j would print a Throwable in the last place as a stack trace, on every call of an outage.
            LOG.warn(
                    "Session store unavailable, failing closed: {} (cause: {})",
                    e.toString(),
                    String.valueOf(e.getCause()));
            LOG.debug("Session store failure", e);
            throw RotorException.storeUnavailable(e, oauth2);
        }
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
