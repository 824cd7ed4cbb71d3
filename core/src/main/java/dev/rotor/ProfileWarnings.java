package dev.rotor;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns, once per built service, about settings a careful user sets when other services verify the access
 * tokens (an RS256 or ES256 signing key, whose public half {@link TokenService#jwkSet()} publishes), and about a
 * retired key that cannot keep its refresh tokens valid.
 */
final class ProfileWarnings {

    private static final Logger LOG = LoggerFactory.getLogger(TokenService.class);

    private ProfileWarnings() {}

    static void log(RotorConfig config) {
        warnings(config).forEach(LOG::warn);
    }

    /** One line per warning, each naming the setting that silences it. */
    static List<String> warnings(RotorConfig config) {
        List<String> lines = new ArrayList<>();
        if (config.refreshTokenKey() == null) {
            for (JwtKey key : config.verificationKeys()) {
                if (!key.canSign()) {
                    lines.add("Verification key " + key.keyId() + " has no private part, so refresh tokens signed"
                            + " while it was the signing key are refused: pass it with its private key (it still only"
                            + " verifies), or set TokenServiceBuilder.refreshTokenKey(...) before rotating");
                }
            }
        }
        if (config.signingKey().publicKey().isEmpty()) {
            return lines; // HS256: only holders of the secret verify, usually this service alone
        }
        if (config.audiences().isEmpty()) {
            lines.add("Access tokens carry no aud: set TokenServiceBuilder.audience(...) so that the services"
                    + " verifying them through the JWK Set can tell tokens meant for them (RFC 9068 requires aud)");
        }
        if (config.clientId() == null) {
            lines.add("Access tokens carry no client_id unless a Login gives one: set"
                    + " TokenServiceBuilder.clientId(...); RFC 9068 verifiers such as Spring Security's refuse them");
        }
        return lines;
    }
}
