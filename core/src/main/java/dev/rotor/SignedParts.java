package dev.rotor;

import com.auth0.jwt.interfaces.Claim;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * A token split into its three segments, for java-jwt's RSA and ECDSA {@code Algorithm.verify}, which read
 * only the raw segments. Nothing is decoded or parsed: claims are read only after the signature holds.
 */
final class SignedParts implements DecodedJWT {

    private final String token;
    private final int firstDot;
    private final int secondDot;

    SignedParts(String token, int firstDot, int secondDot) {
        this.token = token;
        this.firstDot = firstDot;
        this.secondDot = secondDot;
    }

    @Override
    public String getToken() {
        return token;
    }

    @Override
    public String getHeader() {
        return token.substring(0, firstDot);
    }

    @Override
    public String getPayload() {
        return token.substring(firstDot + 1, secondDot);
    }

    @Override
    public String getSignature() {
        return token.substring(secondDot + 1);
    }

    @Override
    public String getKeyId() {
        return null; // keys are chosen by Rotor from the header table, never by the token
    }

    @Override
    public String getAlgorithm() {
        throw unparsed();
    }

    @Override
    public String getType() {
        throw unparsed();
    }

    @Override
    public String getContentType() {
        throw unparsed();
    }

    @Override
    public Claim getHeaderClaim(String name) {
        throw unparsed();
    }

    @Override
    public String getIssuer() {
        throw unparsed();
    }

    @Override
    public String getSubject() {
        throw unparsed();
    }

    @Override
    public List<String> getAudience() {
        throw unparsed();
    }

    @Override
    public Date getExpiresAt() {
        throw unparsed();
    }

    @Override
    public Date getNotBefore() {
        throw unparsed();
    }

    @Override
    public Date getIssuedAt() {
        throw unparsed();
    }

    @Override
    public String getId() {
        throw unparsed();
    }

    @Override
    public Claim getClaim(String name) {
        throw unparsed();
    }

    @Override
    public Map<String, Claim> getClaims() {
        throw unparsed();
    }

    private static UnsupportedOperationException unparsed() {
        return new UnsupportedOperationException("claims are read only after the signature is verified");
    }
}
