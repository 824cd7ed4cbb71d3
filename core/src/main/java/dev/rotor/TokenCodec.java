package dev.rotor;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.IdentityHashMap;
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

    // Each claim's name as payloads write it, after the comma; LayoutReader reads the same bytes back.
    static final byte[] SID = ascii(",\"sid\":");
    static final byte[] DID = ascii(",\"did\":");
    static final byte[] JTI = ascii(",\"jti\":");
    static final byte[] JTI_OPEN = ascii(",\"jti\":\"");
    static final byte[] JTI_SUFFIX_ACCESS = ascii(".a");
    static final byte[] JTI_SUFFIX_REFRESH = {};
    static final byte[] IAT = ascii(",\"iat\":");
    static final byte[] EXP = ascii(",\"exp\":");
    static final byte[] GEN = ascii(",\"gen\":");
    static final byte[] CLIENT_ID = ascii(",\"client_id\":");
    static final byte[] CLM = ascii(",\"clm\":");

    private final KeyRing keys;
    private final List<String> accessAudiences;
    private final String refreshAudience;
    private final String defaultClientId;
    private final byte[] accessStart;
    private final byte[] refreshStart;
    private final long leewaySeconds;
    private final int maxTokenLength;
    private final PayloadParser parser;
    private final int accessSignatureLength;
    private final int refreshSignatureLength;
    private final int fixedTokenLength;
    private final int payloadStartBytes;
    private final Map<KeyRing.Entry, HmacSha256.Prefix> prefixes = new IdentityHashMap<>();
    private final HmacSha256.Prefix accessSigning;
    private final HmacSha256.Prefix refreshSigning;

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
        this.accessAudiences = List.copyOf(audiences);
        this.refreshAudience = refreshAudience;
        this.defaultClientId = clientId;
        this.accessStart = payloadStart(issuer, audiences);
        this.refreshStart = payloadStart(issuer, List.of(refreshAudience));
        this.parser = new PayloadParser(
                issuer,
                accessStart,
                accessAudiences.isEmpty() ? null : accessAudiences,
                refreshStart,
                List.of(refreshAudience));
        this.leewaySeconds = leewaySeconds;
        this.maxTokenLength = maxTokenLength;
        this.accessSignatureLength = signatureLength(TokenType.ACCESS);
        this.refreshSignatureLength = signatureLength(TokenType.REFRESH);
        this.fixedTokenLength = Math.max(
                        keys.header(TokenType.ACCESS).length + accessSignatureLength,
                        keys.header(TokenType.REFRESH).length + refreshSignatureLength)
                + 2;
        this.payloadStartBytes =
                Math.max(accessStart.length, refreshStart.length) + (clientId == null ? 0 : 6 * clientId.length());
        keys.forEachHeader((header, entry) -> {
            if (entry.key().jwtAlgorithm() instanceof HmacSha256 hmac) {
                prefixes.put(
                        entry,
                        hmac.prefix(tokenStart(header, entry.type() == TokenType.ACCESS ? accessStart : refreshStart)));
            }
        });
        this.accessSigning = signingPrefix(TokenType.ACCESS);
        this.refreshSigning = signingPrefix(TokenType.REFRESH);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * What every token of a header and payload start begins with: the header, a dot, and the base64url of the
     * whole three-byte groups of the payload's start, which encode the same whatever follows.
     */
    private static byte[] tokenStart(byte[] header, byte[] payloadStart) {
        byte[] whole = ENCODER.encode(Arrays.copyOf(payloadStart, payloadStart.length / 3 * 3));
        byte[] start = Arrays.copyOf(header, header.length + 1 + whole.length);
        start[header.length] = '.';
        System.arraycopy(whole, 0, start, header.length + 1, whole.length);
        return start;
    }

    private HmacSha256.Prefix signingPrefix(TokenType type) {
        byte[] header = keys.header(type);
        return prefixes.get(keys.lookup(header, header.length));
    }

    /**
     * {@code {"iss":...,"aud":...,"sub":} as UTF-8, what every payload of one kind starts with: one audience as a
     * string, several as an array.
     */
    private static byte[] payloadStart(String issuer, List<String> audiences) {
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
        return start.append(",\"sub\":").toString().getBytes(StandardCharsets.UTF_8);
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
    private JsonBytes refreshPayload(
            String subject,
            String sessionId,
            long generation,
            String deviceId,
            String clientId,
            long iat,
            long exp,
            String claims) {
        JsonBytes json = payload(refreshStart, subject, sessionId, deviceId, generation, JTI_SUFFIX_REFRESH, iat, exp);
        json.raw(GEN).number(generation);
        clientId(json, clientId);
        if (!CustomClaims.NONE.equals(claims)) {
            json.raw(CLM).text(claims, 0, claims.length());
        }
        return json.raw('}');
    }

    private JsonBytes accessPayload(
            String subject,
            String sessionId,
            long generation,
            String deviceId,
            String clientId,
            long iat,
            long exp,
            String claims) {
        JsonBytes json = payload(accessStart, subject, sessionId, deviceId, generation, JTI_SUFFIX_ACCESS, iat, exp);
        clientId(json, clientId == null ? defaultClientId : clientId);
        if (!CustomClaims.NONE.equals(claims)) {
            json.raw(',').text(claims, 1, claims.length() - 1);
        }
        return json.raw('}');
    }

    private static void clientId(JsonBytes json, String clientId) {
        if (clientId != null) {
            json.raw(CLIENT_ID).string(clientId);
        }
    }

    /**
     * The registered claims, after {@code start} (which ends with the name of {@code sub}); {@code jti} is
     * {@code sessionId '.' generation jtiSuffix}.
     */
    private static JsonBytes payload(
            byte[] start,
            String subject,
            String sessionId,
            String deviceId,
            long generation,
            byte[] jtiSuffix,
            long iat,
            long exp) {
        JsonBytes json = JsonBytes.empty().raw(start);
        json.string(subject);
        int sessionIdAt = json.raw(SID).length() + 1;
        boolean plainSessionId = json.string(sessionId);
        if (deviceId != null) {
            json.raw(DID).string(deviceId);
        }
        if (plainSessionId) { // Rotor's own ids always are: the jti repeats the bytes just written
            json.raw(JTI_OPEN)
                    .repeat(sessionIdAt, sessionId.length())
                    .raw('.')
                    .number(generation)
                    .raw(jtiSuffix)
                    .raw('"');
        } else {
            json.raw(JTI).string(sessionId + "." + generation + new String(jtiSuffix, StandardCharsets.US_ASCII));
        }
        return json.raw(IAT).number(iat).raw(EXP).number(exp);
    }

    private String sign(TokenType type, JsonBytes json) {
        byte[] header = keys.header(type);
        if (keys.signingKey(type).jwtAlgorithm() instanceof HmacSha256 hmac) {
            int length = header.length + 1 + (json.length() * 4 + 2) / 3 + 1 + HmacSha256.SIGNATURE_LENGTH;
            requireFits(length);
            return hmac.token(
                    type == TokenType.ACCESS ? accessSigning : refreshSigning,
                    header,
                    json.bytes(),
                    json.length(),
                    length);
        }
        byte[] payload = ENCODER.encode(json.copy());
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

    private void checkFits(TokenType type, JsonBytes json) {
        int signatureLength = type == TokenType.ACCESS ? accessSignatureLength : refreshSignatureLength;
        requireFits(keys.header(type).length + 1 + (json.length() * 4L + 2) / 3 + 1 + signatureLength);
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
     * @return what it says, or {@code null} if it is too long, malformed, not headed as Rotor's tokens of this kind
     *     are or wrongly signed: the refusals anyone can cause at will, answered without throwing
     * @throws TokenRejection if it was signed with Rotor's key but its claims are invalid, or it expired
     */
    VerifiedToken verify(String token, TokenType expected, long nowMillis, boolean checkExpiry) {
        PayloadParser.Claims claims = signedClaims(token, expected);
        return claims == null ? null : check(claims, expected, nowMillis, checkExpiry);
    }

    /**
     * Verifies a token of the expected kind, expiry included, reading {@code clock} only once the signature holds:
     * a refusal anyone can cause at will costs no clock read.
     *
     * @return as {@link #verify(String, TokenType, long, boolean)}
     * @throws TokenRejection as {@link #verify(String, TokenType, long, boolean)}
     */
    VerifiedToken verify(String token, TokenType expected, Clock clock) {
        PayloadParser.Claims claims = signedClaims(token, expected);
        return claims == null ? null : check(claims, expected, clock.millis(), true);
    }

    /** The claims of a token whose header and signature hold, or {@code null}; nothing about them checked yet. */
    private PayloadParser.Claims signedClaims(String token, TokenType expected) {
        if (token.length() > maxTokenLength) {
            return null;
        }
        int firstDot = token.indexOf('.');
        int secondDot = firstDot < 0 ? -1 : token.indexOf('.', firstDot + 1);
        if (secondDot < 0) {
            return null;
        }
        byte[] ascii = token.getBytes(StandardCharsets.ISO_8859_1);
        if (ascii.length != token.length()) { // a surrogate pair became one '?': the dots moved
            return null;
        }
        KeyRing.Entry entry = keys.lookup(ascii, firstDot);
        if (entry == null || entry.type() != expected) {
            return null;
        }
        if (!signatureHolds(entry, token, ascii, firstDot, secondDot)) {
            return null;
        }
        ByteBuffer json;
        try {
            json = DECODER.decode(ByteBuffer.wrap(ascii, firstDot + 1, secondDot - firstDot - 1));
        } catch (IllegalArgumentException e) {
            throw TokenRejection.invalid();
        }
        return parser.parse(json.array(), json.limit(), expected);
    }

    /** The payload parser, which tests compare with itself. */
    PayloadParser parser() {
        return parser;
    }

    /** Reads a JSON object of claim values, such as a refresh token's {@code clm}. */
    Map<String, Object> parseClaims(String json) {
        return parser.parseObject(json);
    }

    private boolean signatureHolds(KeyRing.Entry entry, String token, byte[] ascii, int firstDot, int secondDot) {
        JwtKey key = entry.key();
        try {
            if (key.jwtAlgorithm() instanceof HmacSha256 hmac) { // a third dot is not a signature character
                return hmac.verify(prefixes.get(entry), ascii, secondDot, secondDot + 1);
            }
            if (token.indexOf('.', secondDot + 1) >= 0) {
                return false;
            }
            String signature = token.substring(secondDot + 1);
            if (!ENCODER.encodeToString(DECODER.decode(signature)).equals(signature)) {
                return false;
            }
            key.jwtAlgorithm().verify(new SignedParts(token, firstDot, secondDot));
            return true;
        } catch (RuntimeException e) { // SignatureVerificationException, or a malformed signature segment
            return false;
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
                new ReadOnlyClaims(claims.custom),
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
