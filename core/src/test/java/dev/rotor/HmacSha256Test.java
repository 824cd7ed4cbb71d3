package dev.rotor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Rotor's in-place HS256 against the JDK's {@code Mac} and {@code Base64}, byte for byte. */
class HmacSha256Test {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private final HmacSha256 hmac = new HmacSha256(Keys.SECRET);

    @Test
    void tokensAreHeaderPayloadAndTheJdksMacForEveryLengthIncludingOnesThatGrowTheBuffer() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Keys.SECRET, "HmacSHA256"));
        byte[] header = "eyJhbGciOiJIUzI1NiJ9".getBytes(StandardCharsets.US_ASCII);
        Random random = new Random(17);
        for (int jsonLength = 0; jsonLength < 2000; jsonLength += 1 + jsonLength / 7) {
            byte[] json = new byte[jsonLength];
            random.nextBytes(json);
            String signed = new String(header, StandardCharsets.US_ASCII) + "." + BASE64URL.encodeToString(json);
            String expected =
                    signed + "." + BASE64URL.encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII)));

            assertThat(hmac.token(null, header, json, json.length, expected.length()))
                    .isEqualTo(expected);
        }
    }

    @Test
    void verifyAcceptsOnlyTheExactSignature() {
        String token = hmac.token(null, new byte[] {'h'}, new byte[] {'{', '}'}, 2, 1 + 1 + 3 + 1 + 43);
        byte[] valid = token.getBytes(StandardCharsets.US_ASCII);
        int signedLength = token.lastIndexOf('.');
        assertThat(hmac.verify(null, valid, signedLength, signedLength + 1)).isTrue();

        for (int i = signedLength + 1; i < valid.length; i++) {
            byte[] changed = valid.clone();
            changed[i] = (byte) (changed[i] == 'A' ? 'B' : 'A');
            byte[] dotted = valid.clone();
            dotted[i] = '.'; // a fourth segment, which the codec leaves to this comparison to refuse
            assertThat(hmac.verify(null, dotted, signedLength, signedLength + 1))
                    .isFalse();
            assertThat(hmac.verify(null, changed, signedLength, signedLength + 1))
                    .as("char %d", i)
                    .isFalse();
        }
        byte[] shorter = token.substring(0, token.length() - 1).getBytes(StandardCharsets.US_ASCII);
        byte[] longer = (token + "A").getBytes(StandardCharsets.US_ASCII);
        assertThat(hmac.verify(null, shorter, signedLength, signedLength + 1)).isFalse();
        assertThat(hmac.verify(null, longer, signedLength, signedLength + 1)).isFalse();
        byte[] payloadChanged = valid.clone();
        payloadChanged[2] ^= 1;
        assertThat(hmac.verify(null, payloadChanged, signedLength, signedLength + 1))
                .isFalse();
    }
}
