package dev.rotor;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;

/**
 * The custom claims of a verified token, read-only over a map that nothing else holds: {@link AccessClaims}
 * keeps them as they are, without the copy it makes of any other map.
 */
final class ReadOnlyClaims extends AbstractMap<String, Object> {

    private final Map<String, Object> claims;

    /** @param claims a map the caller hands over and never changes again */
    ReadOnlyClaims(Map<String, Object> claims) {
        this.claims = claims;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return Collections.unmodifiableMap(claims).entrySet();
    }

    @Override
    public Object get(Object key) {
        return claims.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return claims.containsKey(key);
    }

    @Override
    public int size() {
        return claims.size();
    }
}
