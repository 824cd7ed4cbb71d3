package dev.rotor.benchmarks;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The floor of signing and verifying an HS256 token: one HMAC-SHA256 over the signing input with this
 * thread's initialised {@link Mac}, no encoding, no JSON, no copy.
 */
@State(Scope.Thread)
public class HmacFloor {

    private Mac mac;

    /**
     * Initialises this thread's {@code Mac} with the benchmarks' secret.
     *
     * @throws GeneralSecurityException never: HmacSHA256 is in every JDK
     */
    @Setup
    public void init() throws GeneralSecurityException {
        mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Fixtures.SECRET, "HmacSHA256"));
    }

    /**
     * The MAC of {@code signingInput}.
     *
     * @param signingInput the bytes of {@code header '.' payload}
     * @return the 32-byte MAC
     */
    byte[] mac(byte[] signingInput) {
        return mac.doFinal(signingInput);
    }

    /** The bytes before a token's last dot: what its signature covers. */
    static byte[] signingInput(String token) {
        return token.substring(0, token.lastIndexOf('.')).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
