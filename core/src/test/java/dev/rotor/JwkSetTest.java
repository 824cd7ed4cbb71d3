package dev.rotor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The published JWK Set: public halves of the asymmetric access-token keys, nothing else. */
class JwkSetTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RSAPublicKey RSA_PUBLIC = (RSAPublicKey) Keys.RSA.getPublic();
    private static final ECPublicKey EC_PUBLIC = (ECPublicKey) Keys.EC.getPublic();

    @Test
    void anHs256OnlyServicePublishesAnEmptySet() {
        assertThat(new Fixture().tokens.jwkSet()).isEqualTo("{\"keys\":[]}");
    }

    @Test
    void theSigningKeyAndRetiredKeysArePublishedWithTheirPublicPartsOnly() throws Exception {
        TokenService tokens = TokenService.builder()
                .store(new MapSessionStore())
                .signingKey(JwtKey.es256("ec-2", EC_PUBLIC, (ECPrivateKey) Keys.EC.getPrivate()))
                .verificationKey(JwtKey.rs256("rs-1", RSA_PUBLIC, (RSAPrivateKey) Keys.RSA.getPrivate()))
                .verificationKey(JwtKey.hs256("hs-0", Keys.random(32)))
                .refreshTokenKey(refreshKey())
                .build();
        JsonNode keys = JSON.readTree(tokens.jwkSet()).get("keys");

        assertThat(keys).hasSize(2);
        JsonNode ec = keys.get(0);
        assertThat(names(ec)).containsExactly("kty", "kid", "alg", "use", "crv", "x", "y");
        assertThat(ec.get("kty").asText()).isEqualTo("EC");
        assertThat(ec.get("kid").asText()).isEqualTo("ec-2");
        assertThat(ec.get("alg").asText()).isEqualTo("ES256");
        assertThat(ec.get("use").asText()).isEqualTo("sig");
        assertThat(ec.get("crv").asText()).isEqualTo("P-256");
        assertThat(unsigned(ec.get("x"), 32)).isEqualTo(EC_PUBLIC.getW().getAffineX());
        assertThat(unsigned(ec.get("y"), 32)).isEqualTo(EC_PUBLIC.getW().getAffineY());
        JsonNode rsa = keys.get(1);
        assertThat(names(rsa)).containsExactly("kty", "kid", "alg", "use", "n", "e");
        assertThat(rsa.get("kid").asText()).isEqualTo("rs-1");
        assertThat(rsa.get("alg").asText()).isEqualTo("RS256");
        assertThat(unsigned(rsa.get("n"), 256)).isEqualTo(RSA_PUBLIC.getModulus());
        assertThat(rsa.get("e").asText()).isEqualTo("AQAB");
        assertThat(tokens.jwkSet()).doesNotContain("\"d\"", "\"p\"", "\"q\"", "\"dp\"", "\"dq\"", "\"qi\"", "refresh");
    }

    /** An RS256 refresh key, which has a public half and still must not appear. */
    private static JwtKey refreshKey() {
        java.security.KeyPair pair = Keys.generate("RSA", 2048);
        return JwtKey.rs256("refresh", (RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate());
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A base64url big-endian number of exactly {@code length} bytes, as RFC 7518 §6 requires. */
    private static BigInteger unsigned(JsonNode value, int length) {
        byte[] bytes = Base64.getUrlDecoder().decode(value.asText());
        assertThat(value.asText()).doesNotContain("=");
        assertThat(bytes).hasSize(length);
        return new BigInteger(1, bytes);
    }
}
