package dev.rotor.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rotor.TokenPair;
import dev.rotor.TokenService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

/** Case 16: after issuing, rotating, replaying and revoking, no token or token fragment is in the store. */
class Case16AtRestTest {

    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(Backends.class)
    void case16_noTokenSegmentOrSignatureIsStored(Backend backend) {
        TokenService tokens = backend.tokens(b -> b.reuseGracePeriod(Duration.ofSeconds(30), 1));
        List<String> minted = new ArrayList<>();
        for (int user = 0; user < 5; user++) {
            TokenPair pair = tokens.issue("user-" + user, "device-" + user, Map.of("role", "reader", "n", user));
            minted.add(pair.accessToken());
            minted.add(pair.refreshToken());
            for (int i = 0; i < 3; i++) {
                String previous = pair.refreshToken();
                pair = tokens.refresh(previous);
                minted.add(pair.accessToken());
                minted.add(pair.refreshToken());
                minted.add(tokens.refresh(previous).refreshToken());
            }
            if (user % 2 == 0) {
                tokens.logout(pair.refreshToken());
            }
        }

        String stored = backend.contents();

        assertThat(stored).as("the scan found the sessions").contains("user-4");
        for (String token : minted) {
            for (String segment : Forge.segments(token)) {
                assertThat(stored).doesNotContain(segment);
            }
        }
    }
}
