package dev.rotor.spring.boot;

import dev.rotor.AccessClaims;
import dev.rotor.RotorException;
import dev.rotor.RotorException.Reason;
import dev.rotor.TokenService;
import java.util.List;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Spring Security's {@link JwtDecoder} on {@link TokenService#verifyAccessToken}: Rotor checks the signature,
 * kind, issuer, audience, times and (when on) the live session; Spring Security gets the result as a {@link
 * Jwt}. A refused token is a {@link BadJwtException} (401); a failed store a plain {@link JwtException}, which
 * Spring Security reports as a server failure and {@link RotorAuthenticationEntryPoint} answers with 503. Both
 * carry the {@link RotorException} as their cause.
 */
final class RotorJwtDecoder implements JwtDecoder {

    private final TokenService tokens;
    private final String issuer;
    private final List<String> audiences;
    private final String algorithm;

    RotorJwtDecoder(TokenService tokens, String issuer, List<String> audiences, String algorithm) {
        this.tokens = tokens;
        this.issuer = issuer;
        this.audiences = List.copyOf(audiences);
        this.algorithm = algorithm;
    }

    @Override
    public Jwt decode(String token) {
        AccessClaims claims;
        try {
            claims = tokens.verifyAccessToken(token);
        } catch (RotorException refused) {
            if (refused.reason() == Reason.STORE_UNAVAILABLE) {
                throw new JwtException(refused.getMessage(), refused);
            }
            throw new BadJwtException(refused.getMessage(), refused);
        }
        Jwt.Builder jwt = Jwt.withTokenValue(token)
                .header("alg", algorithm)
                .header("typ", "at+jwt")
                .claims(all -> all.putAll(claims.claims()))
                .issuer(issuer)
                .subject(claims.subject())
                .claim("sid", claims.sessionId())
                .issuedAt(claims.issuedAt())
                .expiresAt(claims.expiresAt());
        if (claims.tokenId() != null) {
            jwt.jti(claims.tokenId());
        }
        if (claims.deviceId() != null) {
            jwt.claim("did", claims.deviceId());
        }
        if (claims.clientId() != null) {
            jwt.claim("client_id", claims.clientId());
        }
        if (!audiences.isEmpty()) {
            jwt.audience(audiences);
        }
        return jwt.build();
    }
}
