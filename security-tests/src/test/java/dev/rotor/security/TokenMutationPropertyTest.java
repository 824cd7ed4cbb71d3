package dev.rotor.security;

import static dev.rotor.security.Case08ConcurrentRefreshTest.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rotor.JwtKey;
import dev.rotor.RotorException.Reason;
import dev.rotor.TokenPair;
import dev.rotor.TokenService;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * Property: every mutant of a valid token (bits flipped, cut, segments spliced from other tokens, headers
 * swapped, re-signed with other keys and algorithms) is refused with {@code TOKEN_INVALID}, and none reaches
 * or changes the store. Seeded: the seed is printed, and set with {@code -Drotor.mutation.seed=...}.
 */
class TokenMutationPropertyTest {

    private static final long SEED = Long.getLong("rotor.mutation.seed", System.nanoTime());
    private static final int MUTANTS_PER_STORE = 4_000;

    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(Backends.class)
    void everyMutantOfAValidTokenIsRefusedAndChangesNothing(Backend backend) throws Exception {
        System.out.printf("TokenMutationPropertyTest on %s: seed %d%n", backend, SEED);
        Random random = new Random(SEED);
        CountingStore counting = new CountingStore(backend.store);
        TokenService tokens = Backend.tokensOn(counting.store, b -> b);
        List<String> genuine = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            TokenPair pair = tokens.issue("mutant-" + i, "device", java.util.Map.of("role", "r" + i));
            genuine.add(pair.accessToken());
            genuine.add(pair.refreshToken());
        }
        Set<String> valid = new HashSet<>(genuine);
        Resigner resigner = new Resigner();
        String before = backend.contents();
        int callsBefore = counting.calls.get();
        int refused = 0;

        while (refused < MUTANTS_PER_STORE) {
            String original = genuine.get(random.nextInt(genuine.size()));
            String donor = genuine.get(random.nextInt(genuine.size()));
            String mutant = mutate(original, donor, random, resigner);
            if (valid.contains(mutant)) {
                continue;
            }
            boolean access = random.nextBoolean();
            Reason reason = refusal(access ? () -> tokens.verifyAccessToken(mutant) : () -> tokens.refresh(mutant));
            assertThat(reason)
                    .as("seed %d on %s: mutant %s", SEED, backend, mutant)
                    .isIn(Reason.TOKEN_INVALID, Reason.REFRESH_TOKEN_REQUIRED);
            refused++;
        }

        assertThat(counting.calls.get())
                .as("store calls by mutants, seed %d", SEED)
                .isEqualTo(callsBefore);
        assertThat(backend.contents())
                .as("store contents after mutants, seed %d", SEED)
                .isEqualTo(before);
    }

    private static String mutate(String token, String donor, Random random, Resigner resigner) throws Exception {
        String[] parts = Forge.segments(token);
        String[] other = Forge.segments(donor);
        return switch (random.nextInt(9)) {
            case 0 -> flipBits(token, 1 + random.nextInt(3), random);
            case 1 -> token.substring(0, random.nextInt(token.length()));
            case 2 -> token.substring(random.nextInt(token.length()));
            case 3 -> {
                int segment = random.nextInt(3);
                parts[segment] = other[segment];
                yield String.join(".", parts);
            }
            case 4 -> other[0] + "." + parts[1] + "." + parts[2];
            case 5 -> resigner.resign(Forge.json(parts[0]), Forge.json(parts[1]), random);
            case 6 -> {
                StringBuilder noisy = new StringBuilder(token);
                noisy.insert(random.nextInt(token.length()), (char) random.nextInt(0x250));
                yield noisy.toString();
            }
            case 7 -> parts[0] + "." + parts[1] + "." + parts[2] + "." + parts[random.nextInt(3)];
            default -> parts[random.nextInt(3)] + "." + parts[random.nextInt(3)] + "." + parts[random.nextInt(3)];
        };
    }

    private static String flipBits(String token, int flips, Random random) {
        byte[] bytes = token.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < flips; i++) {
            bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** Re-signs a header and payload with keys Rotor was not given: other secrets, RS256, ES256, none. */
    private static final class Resigner {
        private final List<TokenService> strangers = new ArrayList<>();

        Resigner() throws Exception {
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(2048);
            KeyPair rsaKeys = rsa.generateKeyPair();
            KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
            ec.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair ecKeys = ec.generateKeyPair();
            dev.rotor.spi.SessionStore nowhere = dev.rotor.store.memory.CaffeineSessionStore.create();
            strangers.add(TokenService.builder()
                    .signingKey(JwtKey.rs256(
                            "k1", (RSAPublicKey) rsaKeys.getPublic(), (RSAPrivateKey) rsaKeys.getPrivate()))
                    .store(nowhere)
                    .build());
            strangers.add(TokenService.builder()
                    .signingKey(
                            JwtKey.es256("k1", (ECPublicKey) ecKeys.getPublic(), (ECPrivateKey) ecKeys.getPrivate()))
                    .store(nowhere)
                    .build());
        }

        String resign(String header, String payload, Random random) {
            return switch (random.nextInt(4)) {
                case 0 ->
                    Forge.hs256(
                            header,
                            payload,
                            ("another secret of the right length " + random.nextInt())
                                    .getBytes(StandardCharsets.UTF_8));
                case 1 -> Forge.b64(header.replace("HS256", "none")) + "." + Forge.b64(payload) + ".";
                default ->
                    strangers
                            .get(random.nextInt(strangers.size()))
                            .issue("alice")
                            .refreshToken();
            };
        }
    }
}
