package dev.rotor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A scope is held to one rule, whether it comes from Login.withScope, a custom claim or a UserLookup. */
class ScopeClaimTest {

    private final Fixture f = new Fixture();

    @Test
    void aCustomClaimScopeThatIsNoScopeStringIsRefusedAsLoginWithScopeWouldRefuseIt() {
        for (Object bad : List.of(List.of("read", "write"), 7, "read  write", " read", "say \"hi\"", "")) {
            assertThatThrownBy(() -> f.tokens.issue("alice", null, Map.of("scope", bad)))
                    .as("scope %s", bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("scope");
        }
        assertThatThrownBy(() -> f.tokens.issue(Login.of("alice").withScope("read  write")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scope");
        assertThat(f.tokens.sessions("alice")).isEmpty();
    }

    @Test
    void aValidCustomClaimScopeIsTheAccessTokensScope() {
        TokenPair pair = f.tokens.issue("alice", null, Map.of("scope", "read write"));

        assertThat(f.tokens.verifyAccessToken(pair.accessToken()).scope()).isEqualTo("read write");
        assertThat(f.tokens
                        .verifyAccessToken(f.tokens.refresh(pair.refreshToken()).accessToken())
                        .scope())
                .isEqualTo("read write");
    }

    @Test
    void aUserLookupReturningABadScopeIsHeldToTheSameRule() {
        Fixture looked =
                new Fixture(b -> b.userLookup((subject, claims) -> Optional.of(Map.of("scope", List.of("x")))));
        TokenPair pair = looked.tokens.issue(Login.of("alice").withScope("read"));

        assertThatThrownBy(() -> looked.tokens.refresh(pair.refreshToken()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scope");
    }
}
