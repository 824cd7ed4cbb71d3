package dev.rotor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.rotor.RotorException.Reason;
import java.math.BigInteger;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** An ES256 token has one accepted spelling: the one with the low {@code s}, which Rotor mints. */
class EcdsaSha256LowSTest {

    private static final BigInteger ORDER =
            new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);
    private static final Algorithm REFERENCE = Algorithm.ECDSA256((ECPublicKey) Keys.EC.getPublic(), null);

    private final TokenService tokens = TokenService.builder()
            .signingKey(JwtKey.es256("es", (ECPublicKey) Keys.EC.getPublic(), (ECPrivateKey) Keys.EC.getPrivate()))
            .store(new MapSessionStore())
            .build();

    @Test
    void everyMintedSignatureHasTheLowSAndVerifiesWithPlainJavaJwt() {
        for (int i = 0; i < 100; i++) {
            String token = tokens.issue("user-" + i).accessToken();

            assertThat(s(token)).isLessThanOrEqualTo(ORDER.shiftRight(1));
            assertThatCode(() -> JWT.require(REFERENCE).build().verify(token)).doesNotThrowAnyException();
            assertThat(tokens.verifyAccessToken(token).subject()).isEqualTo("user-" + i);
        }
    }

    @Test
    void theHighSTwinThatJavaJwtAcceptsIsRefused() {
        for (int i = 0; i < 20; i++) {
            String twin = highSTwin(tokens.issue("user-" + i).accessToken());

            assertThatCode(() -> JWT.require(REFERENCE).build().verify(twin)).doesNotThrowAnyException();
            Fixture.assertRefused(() -> tokens.verifyAccessToken(twin), Reason.TOKEN_INVALID);
        }
    }

    private static BigInteger s(String token) {
        byte[] signature = signature(token);
        return new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
    }

    private static String highSTwin(String token) {
        byte[] signature = signature(token);
        byte[] high = ORDER.subtract(s(token)).toByteArray();
        byte[] twin = Arrays.copyOf(signature, 64);
        Arrays.fill(twin, 32, 64, (byte) 0);
        int length = Math.min(high.length, 32);
        System.arraycopy(high, high.length - length, twin, 64 - length, length);
        return token.substring(0, token.lastIndexOf('.') + 1)
                + Base64.getUrlEncoder().withoutPadding().encodeToString(twin);
    }

    private static byte[] signature(String token) {
        return Base64.getUrlDecoder().decode(token.substring(token.lastIndexOf('.') + 1));
    }
}
