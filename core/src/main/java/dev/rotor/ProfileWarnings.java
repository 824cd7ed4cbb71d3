package dev.rotor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns, once per built service, about settings a careful user sets when other services verify the access
 * tokens (an RS256 or ES256 signing key, whose public half {@link TokenService#jwkSet()} publishes).
 */
final class ProfileWarnings {

    private static final Logger LOG = LoggerFactory.getLogger(TokenService.class);

    private ProfileWarnings() {}

    static void log(RotorConfig config) {
        if (config.signingKey().publicKey().isEmpty()) {
            return; // HS256: only holders of the secret verify, usually this service alone
        }
        if (config.audiences().isEmpty()) {
            LOG.warn("Access tokens carry no aud: set TokenServiceBuilder.audience(...) so that the services"
                    + " verifying them through the JWK Set can tell tokens meant for them (RFC 9068 requires aud)");
        }
        if (config.clientId() == null) {
            LOG.warn("Access tokens carry no client_id unless a Login gives one: set"
                    + " TokenServiceBuilder.clientId(...); RFC 9068 verifiers such as Spring Security's refuse them");
        }
    }
}
