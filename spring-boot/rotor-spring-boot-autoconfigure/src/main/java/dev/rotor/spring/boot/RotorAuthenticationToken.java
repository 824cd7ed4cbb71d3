package dev.rotor.spring.boot;

import dev.rotor.AccessClaims;
import java.util.Collection;
import java.util.Map;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;

/**
 * A request authenticated by a Rotor access token. Its principal is the token's {@link AccessClaims}, so a
 * controller takes {@code @AuthenticationPrincipal AccessClaims caller}; its name is the subject; {@link
 * #getToken()} is the verified token as Spring Security's {@link Jwt}.
 */
public final class RotorAuthenticationToken extends AbstractOAuth2TokenAuthenticationToken<Jwt> {

    private static final long serialVersionUID = 1L;

    /** What Rotor read from the token. */
    private final AccessClaims claims;

    /**
     * Creates an authenticated token.
     *
     * @param jwt the verified token
     * @param claims what Rotor read from it
     * @param authorities the authorities granted from its claims
     * @throws IllegalArgumentException if the token or claims are {@code null}
     */
    public RotorAuthenticationToken(Jwt jwt, AccessClaims claims, Collection<? extends GrantedAuthority> authorities) {
        super(jwt, claims, jwt, authorities);
        this.claims = claims;
        setAuthenticated(true);
    }

    /**
     * The verified claims.
     *
     * @return the token's claims
     */
    public AccessClaims claims() {
        return claims;
    }

    /**
     * The subject.
     *
     * @return the user id ({@code sub})
     */
    @Override
    public String getName() {
        return claims.subject();
    }

    /**
     * Every claim of the token.
     *
     * @return the claims, registered ones included
     */
    @Override
    public Map<String, Object> getTokenAttributes() {
        return getToken().getClaims();
    }
}
