package dev.rotor;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Reads, in one pass over the bytes, a payload laid out exactly as {@link TokenCodec} writes it: its start for
 * the token's kind byte for byte, the registered claims in Rotor's order, then flat custom claims (an access
 * token) or a flat {@code clm} object (a refresh token), with plain ASCII strings, integers and booleans only. Anything
 * else, even valid JSON, is {@code null}: {@link PayloadParser} then reads it with a full JSON parser, which
 * also decides every refusal. So whenever this reader answers, it answers what that parser would.
 */
final class LayoutReader {

    /** Custom claims a flat object may have before the general parser takes over. */
    private static final int MAX_FLAT = 16;

    private static final byte[] GEN_NEXT = ascii(",\"gen\":");
    private static final byte[] DID_NEXT = ascii(",\"did\":\"");
    private static final byte[] CLIENT_ID_NEXT = ascii(",\"client_id\":\"");
    private static final byte[] SID_NEXT = ascii(",\"sid\":\"");
    private static final byte[] JTI_NEXT = ascii(",\"jti\":\"");
    private static final byte[] IAT_NEXT = ascii(",\"iat\":");
    private static final byte[] EXP_NEXT = ascii(",\"exp\":");
    private static final byte[] CLM_NEXT = ascii(",\"clm\":{");

    /**
     * Claim names read before, one per slot of their hash: a name seen again is neither copied nor hashed again
     * ({@code String} keeps its hash). Slots are written without locking; each holds an immutable {@code String}
     * or {@code null}, and a miss only costs a copy.
     */
    static final class Names {
        private static final int SLOTS = 64;
        private final String[] slots = new String[SLOTS];

        String name(byte[] json, int from, int to) {
            int hash = 0;
            for (int i = from; i < to; i++) {
                hash = 31 * hash + json[i]; // String.hashCode of these ASCII characters
            }
            int slot = hash & (SLOTS - 1);
            String known = slots[slot];
            if (known != null && known.length() == to - from && known.hashCode() == hash) {
                boolean same = true;
                for (int i = from; i < to && same; i++) {
                    same = known.charAt(i - from) == json[i];
                }
                if (same) {
                    return known;
                }
            }
            String name = new String(json, from, to - from, StandardCharsets.ISO_8859_1);
            slots[slot] = name;
            return name;
        }
    }

    private final byte[] json;
    private final int length;
    private final Names names;
    private int at;

    private LayoutReader(byte[] json, int length, Names names) {
        this.json = json;
        this.length = length;
        this.names = names;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * @param start what Rotor's payloads of this kind begin with, up to the name of {@code sub}
     * @param audience the {@code aud} those payloads carry, {@code null} for none
     * @param names the claim names this reader's parser has seen
     * @return the claims, or {@code null} if the payload is not laid out as Rotor writes it
     */
    static PayloadParser.Claims read(
            byte[] json, int length, TokenType type, byte[] start, List<String> audience, Names names) {
        if (length <= start.length || !Arrays.equals(json, 0, start.length, start, 0, start.length)) {
            return null;
        }
        LayoutReader in = new LayoutReader(json, length, names);
        in.at = start.length + 1;
        return json[start.length] == '"' ? in.claims(type, audience) : null;
    }

    private PayloadParser.Claims claims(TokenType type, List<String> audience) {
        PayloadParser.Claims claims = new PayloadParser.Claims();
        claims.issuerMatches = true;
        claims.audience = audience;
        if ((claims.subject = string()) == null || !next(SID_NEXT) || (claims.sessionId = string()) == null) {
            return null;
        }
        if (next(DID_NEXT) && (claims.deviceId = string()) == null) {
            return null;
        }
        if (!next(JTI_NEXT) || (claims.tokenId = string()) == null) {
            return null;
        }
        if (!next(IAT_NEXT) || (claims.issuedAt = number(PayloadParser.MAX_EPOCH_SECOND)) < 0) {
            return null;
        }
        if (!next(EXP_NEXT) || (claims.expiresAt = number(PayloadParser.MAX_EPOCH_SECOND)) < 0) {
            return null;
        }
        if (type == TokenType.REFRESH && (!next(GEN_NEXT) || (claims.generation = number(Long.MAX_VALUE)) < 0)) {
            return null;
        }
        if (next(CLIENT_ID_NEXT) && (claims.clientId = string()) == null) {
            return null;
        }
        boolean flat = type == TokenType.ACCESS ? customClaims(claims) : sessionClaims(claims);
        return flat && at == length - 1 && json[at] == '}' ? claims : null;
    }

    /** An access token's custom claims, each {@code ,"name":value}, none of them a registered name. */
    private boolean customClaims(PayloadParser.Claims claims) {
        for (int count = 0; at + 1 < length && json[at] == ',' && json[at + 1] == '"'; count++) {
            at += 2;
            String name = string();
            if (name == null
                    || count == MAX_FLAT
                    || !next(':')
                    || PayloadParser.isRegistered(name)
                    || claims.custom.containsKey(name)) {
                return false;
            }
            Object value = value();
            if (value == null) {
                return false;
            }
            claims.custom.put(name, value);
        }
        return true;
    }

    /** A refresh token's {@code clm}: a flat object with distinct names, kept as its JSON text. */
    private boolean sessionClaims(PayloadParser.Claims claims) {
        int open = at + CLM_NEXT.length - 1;
        if (!next(CLM_NEXT)) {
            return true;
        }
        String[] names = new String[MAX_FLAT];
        int count = 0;
        if (!next('}')) {
            do {
                String name;
                if (count == MAX_FLAT || !next('"') || (name = name()) == null || !next(':') || value() == null) {
                    return false;
                }
                for (int i = 0; i < count; i++) {
                    if (names[i].equals(name)) {
                        return false;
                    }
                }
                names[count++] = name;
            } while (next(','));
            if (!next('}')) {
                return false;
            }
        }
        claims.sessionClaimsJson = new String(json, open, at - open, StandardCharsets.ISO_8859_1);
        return true;
    }

    /** A string value, plain ASCII, an integer, {@code true} or {@code false}; else {@code null}. */
    private Object value() {
        if (at >= length) {
            return null;
        }
        byte b = json[at];
        if (b == '"') {
            at++;
            return string();
        }
        if (b == '-' || b >= '0' && b <= '9') {
            return integer();
        }
        if (word("true")) {
            return Boolean.TRUE;
        }
        return word("false") ? Boolean.FALSE : null;
    }

    /** The rest of a string whose opening quote was read: printable ASCII without escapes, else {@code null}. */
    private String string() {
        int from = at;
        return plain() ? new String(json, from, at - 1 - from, StandardCharsets.ISO_8859_1) : null;
    }

    /** A claim's name, as {@link #string()}, the same {@code String} as the last time this name was read. */
    private String name() {
        int from = at;
        return plain() ? names.name(json, from, at - 1) : null;
    }

    /** Skips printable ASCII up to and including a closing quote; {@code false} if anything else comes first. */
    private boolean plain() {
        while (at < length) {
            byte b = json[at++];
            if (b == '"') {
                return true;
            }
            if (b < 0x20 || b == '\\' || b > 0x7E) {
                return false;
            }
        }
        return false;
    }

    /** A non-negative integer without a leading zero, at most {@code max}; else -1. */
    private long number(long max) {
        int from = at;
        long value = 0;
        while (at < length && json[at] >= '0' && json[at] <= '9') {
            int digit = json[at++] - '0';
            if (value > (Long.MAX_VALUE - digit) / 10) {
                return -1;
            }
            value = value * 10 + digit;
        }
        boolean ends = at < length && (json[at] == ',' || json[at] == '}');
        boolean canonical = at > from && (json[from] != '0' || at - from == 1);
        return ends && canonical && value <= max ? value : -1;
    }

    /** An integer claim as the general parser reads it, an {@code Integer} if it fits, else a {@code Long}. */
    private Object integer() {
        boolean negative = json[at] == '-';
        if (negative) {
            at++;
        }
        long magnitude = number(Long.MAX_VALUE);
        if (magnitude < 0 || negative && magnitude == 0) {
            return null;
        }
        long value = negative ? -magnitude : magnitude;
        return value == (int) value ? (Object) (int) value : (Object) value;
    }

    private boolean word(String word) {
        int end = at + word.length();
        if (end >= length) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (json[at + i] != word.charAt(i)) {
                return false;
            }
        }
        if (json[end] != ',' && json[end] != '}') {
            return false;
        }
        at = end;
        return true;
    }

    private boolean next(byte[] expected) {
        if (at + expected.length > length
                || !Arrays.equals(json, at, at + expected.length, expected, 0, expected.length)) {
            return false;
        }
        at += expected.length;
        return true;
    }

    private boolean next(char expected) {
        if (at < length && json[at] == expected) {
            at++;
            return true;
        }
        return false;
    }
}
