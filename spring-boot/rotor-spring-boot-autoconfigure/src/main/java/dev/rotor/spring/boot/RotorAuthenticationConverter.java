package dev.rotor.spring.boot;

import dev.rotor.AccessClaims;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Turns a Jwt that {@link RotorJwtDecoder} made into a {@link RotorAuthenticationToken}, granting one authority
 * per value of the configured claim (a space-separated string such as {@code scope}, or a list such as {@code
 * roles}).
 */
final class RotorAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    /** Claims Rotor itself writes; everything else is the application's. */
    private static final List<String> REGISTERED =
            List.of("iss", "sub", "aud", "exp", "nbf", "iat", "jti", "sid", "did", "client_id");

    private final String claim;
    private final String prefix;

    RotorAuthenticationConverter(String claim, String prefix) {
        this.claim = claim;
        this.prefix = prefix == null ? "" : prefix;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Map<String, Object> custom = new java.util.LinkedHashMap<>(jwt.getClaims());
        REGISTERED.forEach(custom::remove);
        AccessClaims claims = new AccessClaims(
                jwt.getSubject(),
                jwt.getClaimAsString("sid"),
                jwt.getId(),
                jwt.getClaimAsString("did"),
                jwt.getIssuedAt(),
                jwt.getExpiresAt(),
                custom,
                jwt.getClaimAsString("client_id"),
                custom.get("scope") instanceof String scope ? scope : null);
        return new RotorAuthenticationToken(
                jwt, claims, authorities(jwt.getClaims().get(claim)));
    }

    private Collection<GrantedAuthority> authorities(Object value) {
        List<GrantedAuthority> granted = new ArrayList<>();
        if (value instanceof String text) {
            for (String part : text.trim().split("\\s+")) {
                if (!part.isEmpty()) {
                    granted.add(new SimpleGrantedAuthority(prefix + part));
                }
            }
        } else if (value instanceof Collection<?> list) {
            for (Object part : list) {
                if (part instanceof String name && !name.isBlank()) {
                    granted.add(new SimpleGrantedAuthority(prefix + name));
                }
            }
        }
        return granted;
    }
}
