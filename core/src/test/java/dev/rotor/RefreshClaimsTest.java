package dev.rotor;

import dev.rotor.RotorException.Reason;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The login's claims a refresh token carries are held to the same rules as an access token's. */
class RefreshClaimsTest {

    private final Fixture f = new Fixture();
    private final TokenCodec sameKey = TestCodec.of("https://auth.example", 8192);

    @Test
    void aSignedRefreshTokenWithADuplicateClaimNameIsInvalid() {
        for (String claims : List.of(
                "{\"role\":\"a\",\"role\":\"b\"}",
                "{\"org\":{\"id\":1,\"id\":2}}",
                "{\"teams\":[{\"x\":1},{\"y\":1,\"y\":2}]}")) {
            Fixture.assertRefused(() -> f.tokens.refresh(signedRefresh(claims)), Reason.TOKEN_INVALID);
        }
    }

    @Test
    void theSameShapesWithoutDuplicatesPassVerificationAndReachTheStore() {
        for (String claims : List.of(
                "{\"role\":\"a\",\"scope\":\"b\"}",
                "{\"org\":{\"id\":1,\"name\":2}}",
                "{\"teams\":[{\"x\":1},{\"x\":1,\"y\":2}]}")) {
            // No such session in the store: refused by the store, so verification let it through.
            Fixture.assertRefused(() -> f.tokens.refresh(signedRefresh(claims)), Reason.TOKEN_REVOKED);
        }
    }

    private String signedRefresh(String claims) {
        long now = Fixture.START.getEpochSecond();
        return sameKey.mintRefresh(
                "alice",
                "ABCDEFGHIJKLMNOPQRSTUV",
                3,
                null,
                null,
                now,
                now + Duration.ofDays(1).toSeconds(),
                claims);
    }
}
