package dev.rotor.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rotor.RotorException;
import dev.rotor.TokenPair;
import dev.rotor.TokenService;
import dev.rotor.spi.RotationRequest;
import dev.rotor.spi.RotationResult;
import dev.rotor.spi.StoreUnavailableException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * Case 17: everything logged during a full scenario (issue, refresh, grace replay, reuse, revoke, logout,
 * store failure, refused tokens), captured by the tests' own slf4j binding at every level, holds no token,
 * token segment, signature or key.
 */
class Case17LogsTest {

    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(Backends.class)
    void case17_noTokenOrKeyIsEverLogged(Backend backend) {
        List<String> secrets = new ArrayList<>();
        TokenService tokens = backend.tokens(
                b -> b.reuseGracePeriod(Duration.ofSeconds(30), 1).eventListener(event -> {
                    throw new IllegalStateException("a listener that fails, to be logged");
                }));
        TokenPair login = tokens.issue("logged-user", "laptop", Map.of("role", "admin"));
        TokenPair other = tokens.issue("logged-user", "phone", Map.of());
        TokenPair next = tokens.refresh(login.refreshToken());
        tokens.refresh(login.refreshToken());
        tokens.verifyAccessToken(next.accessToken());
        refuse(() -> tokens.refresh(login.refreshToken()));
        refuse(() -> tokens.refresh(next.refreshToken()));
        refuse(() -> tokens.refresh(next.refreshToken() + "x"));
        refuse(() -> tokens.verifyAccessToken(login.refreshToken()));
        tokens.logout(other.refreshToken());
        tokens.logoutAll("logged-user");
        TokenService failing = Backend.tokensOn(
                new ForwardingStore(backend.store) {
                    @Override
                    public RotationResult rotate(RotationRequest request) {
                        throw new StoreUnavailableException("simulated outage", new RuntimeException("driver said no"));
                    }
                },
                b -> b);
        TokenPair third = failing.issue("logged-user");
        refuse(() -> failing.refresh(third.refreshToken()));
        for (TokenPair pair : List.of(login, other, next, third)) {
            secrets.add(pair.accessToken());
            secrets.add(pair.refreshToken());
        }

        List<String> lines = CapturedLogs.lines();

        assertThat(lines).as("the scenario was logged").anyMatch(line -> line.contains("reuse detected"));
        assertThat(lines).anyMatch(line -> line.contains("unavailable"));
        for (String line : lines) {
            for (String token : secrets) {
                for (String segment : Forge.segments(token)) {
                    assertThat(line).doesNotContain(segment);
                }
            }
            assertThat(line)
                    .doesNotContain(new String(Backend.SECRET, StandardCharsets.UTF_8))
                    .doesNotContain(Base64.getEncoder().encodeToString(Backend.SECRET))
                    .doesNotContain(Base64.getUrlEncoder().withoutPadding().encodeToString(Backend.SECRET))
                    .doesNotContain(HexFormat.of().formatHex(Backend.SECRET));
        }
    }

    private static void refuse(Runnable call) {
        try {
            call.run();
            throw new AssertionError("expected a refusal");
        } catch (RotorException expected) {
            // refused, as the scenario wants
        }
    }
}
