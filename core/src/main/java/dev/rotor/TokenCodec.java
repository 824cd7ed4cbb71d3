package dev.rotor;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Mints and verifies Rotor's JWTs on the fast path: headers encoded once per key, payload JSON written
 * directly, signature checked over the raw bytes in constant time before any JSON is parsed. Signing and
 * verifying go through java-jwt's {@code Algorithm}.
 */
final class TokenCodec {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /**
     * More than the bytes of a payload that are not strings or claims: names, quotes, commas, braces, and
     * numbers of up to 20 digits (the generation twice, iat, exp).
     */
    private static final int FIXED_PAYLOAD_BYTES = 208;

    private final KeyRing keys;
    private final List<String> accessAudiences;
    private final String refreshAudience;
    private final String defaultClientId;
    private final String accessStart;
    private final String refreshStart;
    private final long leewaySeconds;
    private final int maxTokenLength;
    private final PayloadParser parser;
    private final int accessSignatureLength;
    private final int refreshSignatureLength;
    private final int fixedTokenLength;
    private final int payloadStartBytes;

    /**
     * @param audiences the access tokens' {@code aud} values, possibly none
     * @param refreshAudience the refresh tokens' only {@code aud}
     * @param clientId the access tokens' {@code client_id} unless a login has its own, or {@code null}
     */
    TokenCodec(
            KeyRing keys,
            String issuer,
            List<String> audiences,
            String refreshAudience,
            String clientId,
            long leewaySeconds,
            int maxTokenLength) {
        this.keys = keys;
        this.parser = new PayloadParser(issuer);
        this.accessAudiences = List.copyOf(audiences);
        this.refreshAudience = refreshAudience;
        this.defaultClientId = clientId;
        this.accessStart = payloadStart(issuer, audiences);
        this.refreshStart = payloadStart(issuer, List.of(refreshAudience));
        this.leewaySeconds = leewaySeconds;
        this.maxTokenLength = maxTokenLength;
        this.accessSignatureLength = signatureLength(TokenType.ACCESS);
        this.refreshSignatureLength = signatureLength(TokenType.REFRESH);
        this.fixedTokenLength = Math.max(
                        keys.header(TokenType.ACCESS).length + accessSignatureLength,
                        keys.header(TokenType.REFRESH).length + refreshSignatureLength)
                + 2;
        this.payloadStartBytes = Math.max(
                        accessStart.getBytes(StandardCharsets.UTF_8).length,
                        refreshStart.getBytes(StandardCharsets.UTF_8).length)
                + (clientId == null ? 0 : 6 * clientId.length());
    }

    /** {@code {"iss":...,"aud":...}} without its closing brace: one audience as a string, several as an array. */
    private static String payloadStart(String issuer, List<String> audiences) {
        StringBuilder start = new StringBuilder("{\"iss\":");
        JsonWriter.string(start, issuer);
        if (audiences.size() == 1) {
            JsonWriter.string(start.append(",\"aud\":"), audiences.get(0));
        } else if (!audiences.isEmpty()) {
            start.append(",\"aud\":[");
            for (int i = 0; i < audiences.size(); i++) {
                JsonWriter.string(start.append(i == 0 ? "" : ","), audiences.get(i));
            }
            start.append(']');
        }
        return start.toString();
    }

    private int signatureLength(TokenType type) {
        byte[] probe = keys.header(type);
        return ENCODER.encode(keys.signingKey(type).jwtAlgorithm().sign(probe, probe)).length;
    }

    /**
     * Whether both tokens of a session with these contents fit, judged from lengths alone: a character of a
     * string may take six bytes in JSON (an escape), a character of the claims JSON three. {@code false} only
     * means that the exact check has to decide.
     */
    boolean surelyFits(String subject, String sessionId, String deviceId, String clientId, String claims) {
        long strings = subject.length()
                + 2L * sessionId.length()
                + (deviceId == null ? 0 : deviceId.length())
                + (clientId == null ? 0 : clientId.length());
        long payloadBytes = payloadStartBytes + FIXED_PAYLOAD_BYTES + 6 * strings + 3L * claims.length();
        return fixedTokenLength + (payloadBytes * 4 + 2) / 3 <= maxTokenLength;
    }

    String mintRefresh(
            String subject,
            String sessionId,
            long generation,
            String deviceId,
            String clientId,
            long iat,
            long exp,
            String claims) {
        return sign(
                TokenType.REFRESH,
                refreshPayload(subject, sessionId, generation, deviceId, clientId, iat, exp, claims));
    }

    String mintAccess(
            String subject,
            String sessionId,
            long generation,
            String deviceId,
            String clientId,
            long iat,
            long exp,
            String claims) {
        return sign(
                TokenType.ACCESS, accessPayload(subject, sessionId, generation, deviceId, clientId, iat, exp, claims));
    }

    /** Fails, without signing anything, if the refresh token with these contents would be too long. */
    void checkRefreshFits(
            String subject,
            String sessionId,
            long generation,
            String deviceId,
            String clientId,
            long iat,
            long exp,
            String claims) {
        checkFits(
                TokenType.REFRESH,
                refreshPayload(subject, sessionId, generation, deviceId, clientId, iat, exp, claims));
    }

    /** Fails, without signing anything, if the access token with these contents would be too long. */
    void checkAccessFits(
            String subject,
            String sessionId,
            long generation,
            String deviceId,
            String clientId,
            long iat,
            long exp,
            String claims) {
        checkFits(
                TokenType.ACCESS, accessPayload(subject, sessionId, generation, deviceId, clientId, iat, exp, claims));
    }

    /** A refresh token carries the login's own client id, if any, so a changed default applies to it too. */
    private StringBuilder refreshPayload(
            String subject,
            String sessionId,
            long generation,
            String deviceId,
            String clientId,
            long iat,
            long exp,
            String claims) {
        StringBuilder json = payload(refreshStart, subject, sessionId, deviceId, generation, "", iat, exp);
        json.append(",\"gen\":").append(generation);
        clientId(json, clientId);
        if (!CustomClaims.NONE.equals(claims)) {
            json.append(",\"clm\":").append(claims);
        }
        return json.append('}');
    }

    private StringBuilder accessPayload(
            String subject,
            String sessionId,
            long generation,
            String deviceId,
            String clientId,
            long iat,
            long exp,
            String claims) {
        StringBuilder json = payload(accessStart, subject, sessionId, deviceId, generation, ".a", iat, exp);
        clientId(json, clientId == null ? defaultClientId : clientId);
        if (!CustomClaims.NONE.equals(claims)) {
            json.append(',').append(claims, 1, claims.length() - 1);
        }
        return json.append('}');
    }

    private static void clientId(StringBuilder json, String clientId) {
        if (clientId != null) {
            JsonWriter.string(json.append(",\"client_id\":"), clientId);
        }
    }

    /** The registered claims; {@code jti} is {@code sessionId '.' generation jtiSuffix}. */
    private static StringBuilder payload(
            String start,
            String subject,
            String sessionId,
            String deviceId,
            long generation,
            String jtiSuffix,
            long iat,
            long exp) {
        StringBuilder json = new StringBuilder(256).append(start);
        JsonWriter.string(json.append(",\"sub\":"), subject);
        boolean plainSessionId = JsonWriter.string(json.append(",\"sid\":"), sessionId);
        if (deviceId != null) {
            JsonWriter.string(json.append(",\"did\":"), deviceId);
        }
        if (plainSessionId) { // Rotor's own ids always are: the jti is written without a second scan
            json.append(",\"jti\":\"")
                    .append(sessionId)
                    .append('.')
                    .append(generation)
                    .append(jtiSuffix)
                    .append('"');
        } else {
            JsonWriter.string(json.append(",\"jti\":"), sessionId + "." + generation + jtiSuffix);
        }
        return json.append(",\"iat\":").append(iat).append(",\"exp\":").append(exp);
    }

    private String sign(TokenType type, StringBuilder json) {
        byte[] header = keys.header(type);
        byte[] utf8 = json.toString().getBytes(StandardCharsets.UTF_8);
        if (keys.signingKey(type).jwtAlgorithm() instanceof HmacSha256 hmac) {
            int length = header.length + 1 + (utf8.length * 4 + 2) / 3 + 1 + HmacSha256.SIGNATURE_LENGTH;
            requireFits(length);
            return hmac.token(header, utf8, length);
        }
        byte[] payload = ENCODER.encode(utf8);
        byte[] signature = ENCODER.encode(keys.signingKey(type).jwtAlgorithm().sign(header, payload));
        byte[] token = new byte[header.length + payload.length + signature.length + 2];
        requireFits(token.length);
        System.arraycopy(header, 0, token, 0, header.length);
        token[header.length] = '.';
        System.arraycopy(payload, 0, token, header.length + 1, payload.length);
        token[header.length + payload.length + 1] = '.';
        System.arraycopy(signature, 0, token, token.length - signature.length, signature.length);
        return new String(token, StandardCharsets.ISO_8859_1);
    }

    private void checkFits(TokenType type, StringBuilder json) {
        long payloadBytes = 0;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            payloadBytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3; // a pair is 4 bytes
        }
        int signatureLength = type == TokenType.ACCESS ? accessSignatureLength : refreshSignatureLength;
        requireFits(keys.header(type).length + 1 + (payloadBytes * 4 + 2) / 3 + 1 + signatureLength);
    }

    private void requireFits(long length) {
        if (length > maxTokenLength) {
            throw new IllegalArgumentException("the token would be " + length
                    + " characters, over the configured maximum of " + maxTokenLength + "; send fewer claims");
        }
    }

    /**
     * Verifies a token of the expected kind at {@code nowMillis}.
     *
     * @param checkExpiry {@code false} to accept an expired token (logout)
     * @throws TokenRejection if the token is invalid or expired
     */
    VerifiedToken verify(String token, TokenType expected, long nowMillis, boolean checkExpiry) {
        if (token.length() > maxTokenLength) {
            throw TokenRejection.invalid();
        }
        int firstDot = token.indexOf('.');
        int secondDot = firstDot < 0 ? -1 : token.indexOf('.', firstDot + 1);
        if (secondDot < 0 || token.indexOf('.', secondDot + 1) >= 0) {
            throw TokenRejection.invalid();
        }
        KeyRing.Entry entry = keys.lookup(token, firstDot);
        if (entry == null || entry.type() != expected) {
            throw TokenRejection.invalid();
        }
        byte[] ascii = token.getBytes(StandardCharsets.ISO_8859_1);
        checkSignature(entry.key(), token, ascii, firstDot, secondDot);
        byte[] json;
        try {
            json = DECODER.decode(Arrays.copyOfRange(ascii, firstDot + 1, secondDot));
        } catch (IllegalArgumentException e) {
            throw TokenRejection.invalid();
        }
        return check(parser.parse(json, expected), expected, nowMillis, checkExpiry);
    }

    /** Reads a JSON object of claim values, such as a refresh token's {@code clm}. */
    Map<String, Object> parseClaims(String json) {
        return parser.parseObject(json);
    }

    private static void checkSignature(JwtKey key, String token, byte[] ascii, int firstDot, int secondDot) {
        boolean valid;
        try {
            if (key.jwtAlgorithm() instanceof HmacSha256 hmac) {
                valid = hmac.verify(ascii, secondDot, secondDot + 1);
            } else {
                String signature = token.substring(secondDot + 1);
                valid = ENCODER.encodeToString(DECODER.decode(signature)).equals(signature);
                if (valid) {
                    key.jwtAlgorithm().verify(new SignedParts(token, firstDot, secondDot));
                }
            }
        } catch (RuntimeException e) { // SignatureVerificationException, or a malformed signature segment
            valid = false;
        }
        if (!valid) {
            throw TokenRejection.invalid();
        }
    }

    private VerifiedToken check(PayloadParser.Claims claims, TokenType type, long nowMillis, boolean checkExpiry) {
        boolean complete = claims.subject != null
                && claims.sessionId != null
                && claims.tokenId != null
                && claims.issuedAt != Long.MIN_VALUE
                && claims.expiresAt != Long.MIN_VALUE
                && (type == TokenType.ACCESS) == (claims.generation < 0);
        if (!complete || !claims.issuerMatches || !audienceMatches(claims.audience, type)) {
            throw TokenRejection.invalid();
        }
        long leewayMillis = leewaySeconds * 1000;
        if (claims.issuedAt * 1000 > nowMillis + leewayMillis
                || (claims.notBefore != Long.MIN_VALUE && claims.notBefore * 1000 > nowMillis + leewayMillis)) {
            throw TokenRejection.invalid();
        }
        // No leeway on a refresh token's exp: its session ends exactly then in the store anyway, and an
        // expired predecessor let through would be judged reuse and revoke sessions.
        long expiryLeewayMillis = type == TokenType.REFRESH ? 0 : leewayMillis;
        if (checkExpiry && nowMillis - expiryLeewayMillis >= claims.expiresAt * 1000) {
            throw TokenRejection.expired();
        }
        return new VerifiedToken(
                claims.subject,
                claims.sessionId,
                claims.tokenId,
                claims.generation,
                claims.deviceId,
                claims.clientId,
                claims.issuedAt,
                claims.expiresAt,
                claims.custom,
                claims.sessionClaimsJson);
    }

    /**
     * RFC 7519 §4.1.3: a present {@code aud} must name this service; with no audience configured, no {@code
     * aud} is accepted at all. Rotor's own tokens always carry the configured audience, so one without it is
     * refused too. A refresh token's only audience is the refresh endpoint.
     */
    private boolean audienceMatches(List<String> presented, TokenType type) {
        if (presented == null) {
            return type == TokenType.ACCESS && accessAudiences.isEmpty();
        }
        if (type == TokenType.REFRESH) {
            return presented.size() == 1 && presented.get(0).equals(refreshAudience);
        }
        for (String audience : presented) {
            if (accessAudiences.contains(audience)) {
                return true;
            }
        }
        return false;
    }
}
