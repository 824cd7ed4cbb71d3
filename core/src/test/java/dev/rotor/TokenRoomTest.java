package dev.rotor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A login is refused if its tokens could ever outgrow the maximum length, even though the first ones fit. */
class TokenRoomTest {

    private final TokenCodec codec = TestCodec.of("rotor", 1024);

    @Test
    void theLengthCheckAgreesWithTheMintedLength() {
        for (int size = 0; size < 900; size += 7) {
            String claims = CustomClaims.toJson(Map.of("pad", "é😀".repeat(size / 3) + "x".repeat(size % 3)));
            int minted;
            try {
                minted = codec.mintRefresh("alice", "sid", 5, "device", null, 1_800_000_000L, 1_800_600_000L, claims)
                        .length();
            } catch (IllegalArgumentException tooLong) {
                minted = Integer.MAX_VALUE;
            }
            boolean fits = minted <= 1024;
            if (fits) {
                codec.checkRefreshFits("alice", "sid", 5, "device", null, 1_800_000_000L, 1_800_600_000L, claims);
            } else {
                assertThatThrownBy(() -> codec.checkRefreshFits(
                                "alice", "sid", 5, "device", null, 1_800_000_000L, 1_800_600_000L, claims))
                        .isInstanceOf(IllegalArgumentException.class);
            }
        }
    }

    @Test
    void theQuickJudgementNeverPassesATokenThatDoesNotFit() {
        String[] alphabets = {"x", "é", "😀", "\u0001", "\"", "\ud800"};
        int judgedQuickly = 0;
        for (String alphabet : alphabets) {
            for (int size = 0; size < 400; size += 3) {
                String text = alphabet.repeat(size);
                String claims = CustomClaims.toJson(Map.of("pad", text));
                String device = size % 2 == 0 ? null : text;
                if (codec.surelyFits(text, "sid-" + text, device, null, claims)) {
                    judgedQuickly++;
                    long latest = PayloadParser.MAX_EPOCH_SECOND;
                    codec.checkRefreshFits(text, "sid-" + text, Long.MAX_VALUE, device, null, latest, latest, claims);
                    codec.checkAccessFits(text, "sid-" + text, Long.MAX_VALUE, device, null, latest, latest, claims);
                }
            }
        }
        assertThat(judgedQuickly).as("cases decided without writing the tokens").isGreaterThan(20);
        assertThat(codec.surelyFits(
                        "alice", "ABCDEFGHIJKLMNOPQRSTUV", "phone", null, "{\"role\":\"admin\",\"tenant\":42}"))
                .isTrue();
    }

    @Test
    void aRefreshWhoseNewTokensWouldNotFitIsRefusedBeforeAnythingRotates() {
        Fixture f = new Fixture();
        TokenPair pair = null;
        for (int size = 6200; pair == null; size -= 50) {
            try {
                pair = f.tokens.issue("alice", "phone", Map.of("pad", "x".repeat(size)));
            } catch (IllegalArgumentException tooLong) {
                // smaller claims next
            }
        }
        String refreshToken = pair.refreshToken();
        // The operator moves to RS256: the old HS256 tokens still verify, but their successors carry a
        // 342-character signature instead of a 43-character one and no longer fit in 8192 characters.
        TokenService afterKeyChange = TokenService.builder()
                .signingKey(
                        JwtKey.rs256("r1", (RSAPublicKey) Keys.RSA.getPublic(), (RSAPrivateKey) Keys.RSA.getPrivate()))
                .verificationKey(JwtKey.hs256("k1", Keys.SECRET))
                .store(f.store)
                .clock(f.clock)
                .issuer("https://auth.example")
                .build();

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> afterKeyChange.refresh(refreshToken))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("over the configured maximum of 8192");
        }

        assertThat(f.tokens.refresh(refreshToken).refreshToken()).isNotEqualTo(refreshToken);
    }

    @Test
    void aLoginWhoseTokensWouldOutgrowTheLimitLaterIsRefusedNow() {
        Fixture f = new Fixture(b -> b.maxTokenLength(1024));
        String tightFit = null;
        for (int size = 300; size < 900 && tightFit == null; size++) {
            String claims = CustomClaims.toJson(Map.of("pad", "x".repeat(size)));
            TokenCodec codec = TestCodec.of("https://auth.example", 1024);
            String first = codec.mintRefresh(
                    "alice", "ABCDEFGHIJKLMNOPQRSTUV", 0, null, null, 1_800_000_000L, 1_800_600_000L, claims);
            if (first.length() > 1000 && first.length() <= 1024) {
                tightFit = "x".repeat(size);
            }
        }
        String padding = tightFit;
        assertThat(padding)
                .as("claims whose first tokens fit with under 24 characters to spare")
                .isNotNull();

        assertThatThrownBy(() -> f.tokens.issue("alice", null, Map.of("pad", padding)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("over the configured maximum of 1024");
        assertThat(f.store.sessions).isEmpty();
    }
}
