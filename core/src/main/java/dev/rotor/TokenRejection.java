package dev.rotor;

import dev.rotor.RotorException.Reason;

/**
 * Why the codec refused a token: {@link Reason#TOKEN_INVALID} or {@link Reason#TOKEN_EXPIRED}. Cheap to
 * throw (no stack trace), since hostile tokens arrive at the rate an attacker chooses; the service turns it
 * into a {@link RotorException}.
 */
final class TokenRejection extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final TokenRejection INVALID = new TokenRejection(Reason.TOKEN_INVALID);
    private static final TokenRejection EXPIRED = new TokenRejection(Reason.TOKEN_EXPIRED);

    final Reason reason;

    private TokenRejection(Reason reason) {
        super(reason.name(), null, false, false);
        this.reason = reason;
    }

    static TokenRejection invalid() {
        return INVALID;
    }

    static TokenRejection expired() {
        return EXPIRED;
    }
}
