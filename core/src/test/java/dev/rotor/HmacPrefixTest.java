package dev.rotor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Rotor's HMAC from precomputed pad and prefix states against the JDK's {@code Mac}: every key length (a key
 * longer than a block is hashed first), every input length around the block boundaries, prefixes that apply
 * and prefixes that don't, and threads cloning the same states at once.
 */
class HmacPrefixTest {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    @Test
    void everyKeyInputAndPrefixLengthGivesTheJdksMac() throws Exception {
        Random random = new Random(41);
        for (int keyLength : new int[] {1, 31, 32, 63, 64, 65, 100, 200}) {
            byte[] secret = bytes(random, keyLength);
            HmacSha256 hmac = new HmacSha256(secret);
            Mac mac = jdkMac(secret);
            for (int length = 0; length < 300; length += 1 + length / 9) {
                byte[] input = bytes(random, length);
                byte[] expected = mac.doFinal(input);
                assertThat(hmac.sign(input))
                        .as("key %d, input %d", keyLength, length)
                        .isEqualTo(expected);
                for (int prefixLength = 0; prefixLength < length; prefixLength += 1 + prefixLength / 5) {
                    HmacSha256.Prefix prefix = hmac.prefix(Arrays.copyOf(input, prefixLength));
                    assertThat(verify(hmac, prefix, input, expected))
                            .as("key %d, input %d, prefix %d", keyLength, length, prefixLength)
                            .isTrue();
                    byte[] other = input.clone();
                    other[prefixLength] ^= 1; // the prefix still applies, the rest differs: another MAC
                    assertThat(verify(hmac, prefix, other, expected)).isFalse();
                    if (prefixLength > 0) {
                        byte[] unprefixed = input.clone();
                        unprefixed[0] ^= 1; // the prefix does not apply: hashed from the pad alone
                        assertThat(verify(hmac, prefix, unprefixed, mac.doFinal(unprefixed)))
                                .isTrue();
                    }
                }
            }
        }
    }

    @Test
    void aTokenSignedFromAPrefixIsTheTokenSignedWithout() {
        HmacSha256 hmac = new HmacSha256(Keys.SECRET);
        byte[] header = "eyJhbGciOiJIUzI1NiJ9".getBytes(StandardCharsets.US_ASCII);
        byte[] json =
                "{\"iss\":\"https://issuer.example\",\"sub\":\"alice\",\"exp\":1}".getBytes(StandardCharsets.UTF_8);
        int length = header.length + 1 + (json.length * 4 + 2) / 3 + 1 + HmacSha256.SIGNATURE_LENGTH;
        String plain = hmac.token(null, header, json, json.length, length);
        byte[] start = (new String(header, StandardCharsets.US_ASCII) + "."
                        + BASE64URL.encodeToString(Arrays.copyOf(json, 24)))
                .getBytes(StandardCharsets.US_ASCII);

        byte[] padded = Arrays.copyOf(json, json.length + 50); // a reused buffer longer than the payload
        assertThat(hmac.token(hmac.prefix(start), header, padded, json.length, length))
                .isEqualTo(plain);
    }

    @Test
    void threadsRacingOnOneKeyAndPrefixEachGetTheJdksMac() throws Exception {
        HmacSha256 hmac = new HmacSha256(Keys.SECRET);
        Mac mac = jdkMac(Keys.SECRET);
        Random random = new Random(43);
        List<byte[]> inputs = new ArrayList<>();
        List<byte[]> expected = new ArrayList<>();
        byte[] start = bytes(random, 90);
        for (int i = 0; i < 64; i++) {
            byte[] input = Arrays.copyOf(start, 91 + random.nextInt(300));
            System.arraycopy(bytes(random, input.length - 90), 0, input, 90, input.length - 90);
            inputs.add(input);
            expected.add(mac.doFinal(input));
        }
        HmacSha256.Prefix prefix = hmac.prefix(start);
        int threads = 4;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> wrong = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                wrong.add(pool.submit(() -> {
                    go.await();
                    int mismatches = 0;
                    for (int i = 0; i < 20_000; i++) {
                        int k = (i + offset * 7) % inputs.size();
                        if (!verify(hmac, prefix, inputs.get(k), expected.get(k))) {
                            mismatches++;
                        }
                    }
                    return mismatches;
                }));
            }
            go.countDown();
            for (Future<Integer> result : wrong) {
                assertThat(result.get()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Whether {@code hmac} accepts {@code input '.' base64url(mac)}. */
    private static boolean verify(HmacSha256 hmac, HmacSha256.Prefix prefix, byte[] input, byte[] mac) {
        byte[] signature = BASE64URL.encode(mac);
        byte[] token = Arrays.copyOf(input, input.length + 1 + signature.length);
        token[input.length] = '.';
        System.arraycopy(signature, 0, token, input.length + 1, signature.length);
        return hmac.verify(prefix, token, input.length, input.length + 1);
    }

    private static Mac jdkMac(byte[] secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        return mac;
    }

    private static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
