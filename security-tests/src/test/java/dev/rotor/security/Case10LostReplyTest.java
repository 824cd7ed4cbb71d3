package dev.rotor.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rotor.TokenEvent;
import dev.rotor.TokenPair;
import dev.rotor.TokenService;
import dev.rotor.spi.RotationRequest;
import dev.rotor.spi.RotationResult;
import dev.rotor.spi.RotationResult.Outcome;
import dev.rotor.spi.SessionStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * Case 10: a rotation whose reply is lost and which the driver sends again is never reuse and never revokes.
 * Here the resend is simulated in front of each store; the Redis tests of {@code rotor-store-redis}
 * ({@code StandaloneFaultTest}, {@code ClusterFaultTest}) lose the reply for real with {@code CLIENT PAUSE}.
 */
class Case10LostReplyTest {

    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(Backends.class)
    void case10_aResentRotationIsAnsweredAsTheFirstAndNeverRevokes(Backend backend) {
        ResendingStore resending = new ResendingStore(backend.store);
        List<TokenEvent> events = new CopyOnWriteArrayList<>();
        TokenService tokens = Backend.tokensOn(resending, b -> b.eventListener(events::add));
        TokenService plain = backend.tokens();
        TokenPair first = plain.issue("dave");
        TokenPair otherDevice = plain.issue("dave");

        TokenPair second = tokens.refresh(first.refreshToken());

        assertThat(resending.outcomes).containsExactly(Outcome.ROTATED, Outcome.RETRIED);
        assertThat(events).extracting(TokenEvent::type).containsExactly(TokenEvent.Type.RETRY_ANSWERED);
        assertThat(plain.refresh(second.refreshToken()).sessionId()).isEqualTo(first.sessionId());
        assertThat(plain.refresh(otherDevice.refreshToken()).sessionId()).isEqualTo(otherDevice.sessionId());
    }

    /** Sends every rotation twice and answers with the second reply, as a driver does after a timeout. */
    private static final class ResendingStore extends ForwardingStore {
        final List<Outcome> outcomes = new ArrayList<>();

        ResendingStore(SessionStore delegate) {
            super(delegate);
        }

        @Override
        public RotationResult rotate(RotationRequest request) {
            outcomes.add(super.rotate(request).outcome());
            RotationResult resent = super.rotate(request);
            outcomes.add(resent.outcome());
            return resent;
        }
    }
}
