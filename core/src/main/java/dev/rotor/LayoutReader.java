package dev.rotor;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Reads, in one pass over the bytes, a payload laid out exactly as {@link TokenCodec} writes it: its start for
 * the token's kind byte for byte, the registered claims in Rotor's order, then flat custom claims (an access
 * token) or a flat {@code clm} object (a refresh token), with plain ASCII strings, integers and booleans only.
 * Anything else, even valid JSON, is {@code null}: {@link PayloadParser} then reads it with a full JSON parser,
 * which also decides every refusal. So whenever this reader answers, it answers what that parser would.
 */
final class LayoutReader {

    /** Custom claims a flat object may have before the general parser takes over. */
    private static final int MAX_FLAT = 16;

    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private static final Literal SID = new Literal(TokenCodec.SID, "\"");
    private static final Literal DID = new Literal(TokenCodec.DID, "\"");
    private static final Literal JTI = new Literal(TokenCodec.JTI, "\"");
    private static final Literal IAT = new Literal(TokenCodec.IAT, "");
    private static final Literal EXP = new Literal(TokenCodec.EXP, "");
    private static final Literal GEN = new Literal(TokenCodec.GEN, "");
    private static final Literal CLIENT_ID = new Literal(TokenCodec.CLIENT_ID, "\"");
    private static final Literal CLM = new Literal(TokenCodec.CLM, "{");

    /** A name as the codec writes it and what follows it, compared eight bytes at a time. */
    private static final class Literal {
        final byte[] bytes;
        final long first;
        final long mask;

        Literal(byte[] name, String then) {
            bytes = Arrays.copyOf(name, name.length + then.length());
            for (int i = 0; i < then.length(); i++) {
                bytes[name.length + i] = (byte) then.charAt(i);
            }
            int n = Math.min(bytes.length, Long.BYTES);
            long word = 0;
            for (int i = n - 1; i >= 0; i--) {
                word = word << 8 | bytes[i] & 0xFF;
            }
            first = word;
            mask = n == Long.BYTES ? -1L : (1L << 8 * n) - 1;
        }
    }

    /** A claim name read before, and whether Rotor reads that claim itself. */
    private record Known(String name, boolean registered) {}

    /**
     * Claim names read before, one per slot of their hash: a name seen again is neither copied nor hashed again
     * ({@code String} keeps its hash). Slots are written without locking; each holds an immutable record or
     * {@code null}, and a miss only costs a copy.
     */
    static final class Names {
        private static final int SLOTS = 64;
        private final Known[] slots = new Known[SLOTS];

        private Known known(byte[] json, int from, int to) {
            int hash = 0;
            for (int i = from; i < to; i++) {
                hash = 31 * hash + json[i]; // String.hashCode of these ASCII characters
            }
            int slot = hash & (SLOTS - 1);
            Known known = slots[slot];
            if (known != null && known.name.length() == to - from && known.name.hashCode() == hash) {
                boolean same = true;
                for (int i = from; i < to && same; i++) {
                    same = known.name.charAt(i - from) == json[i];
                }
                if (same) {
                    return known;
                }
            }
            String name = new String(json, from, to - from, StandardCharsets.ISO_8859_1);
            known = new Known(name, PayloadParser.isRegistered(name));
            slots[slot] = known;
            return known;
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
        if ((claims.subject = string()) == null || !next(SID) || (claims.sessionId = string()) == null) {
            return null;
        }
        if (next(DID) && (claims.deviceId = string()) == null) {
            return null;
        }
        if (!next(JTI) || (claims.tokenId = string()) == null) {
            return null;
        }
        if (!next(IAT) || (claims.issuedAt = number(PayloadParser.MAX_EPOCH_SECOND)) < 0) {
            return null;
        }
        if (!next(EXP) || (claims.expiresAt = number(PayloadParser.MAX_EPOCH_SECOND)) < 0) {
            return null;
        }
        if (type == TokenType.REFRESH && (!next(GEN) || (claims.generation = number(Long.MAX_VALUE)) < 0)) {
            return null;
        }
        if (next(CLIENT_ID) && (claims.clientId = string()) == null) {
            return null;
        }
        boolean flat = type == TokenType.ACCESS ? customClaims(claims) : sessionClaims(claims);
        return flat && at == length - 1 && json[at] == '}' ? claims : null;
    }

    /** An access token's custom claims, each {@code ,"name":value}, none of them a registered name. */
    private boolean customClaims(PayloadParser.Claims claims) {
        for (int count = 0; at + 1 < length && json[at] == ',' && json[at + 1] == '"'; count++) {
            at += 2;
            Known name = name();
            Object value;
            if (name == null || name.registered || count == MAX_FLAT || !next(':') || (value = value()) == null) {
                return false;
            }
            if (claims.custom.putIfAbsent(name.name, value) != null) {
                return false; // a duplicate, which the general parser refuses
            }
        }
        return true;
    }

    /** A refresh token's {@code clm}: a flat object with distinct names, kept as its JSON text. */
    private boolean sessionClaims(PayloadParser.Claims claims) {
        int open = at + CLM.bytes.length - 1;
        if (!next(CLM)) {
            return true;
        }
        Known[] seen = new Known[MAX_FLAT];
        int count = 0;
        if (!next('}')) {
            do {
                Known name;
                if (count == MAX_FLAT || !next('"') || (name = name()) == null || !next(':') || value() == null) {
                    return false;
                }
                for (int i = 0; i < count; i++) {
                    if (seen[i].name.equals(name.name)) {
                        return false;
                    }
                }
                seen[count++] = name;
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

    /** A claim's name, as {@link #string()}, the same as the last time this name was read. */
    private Known name() {
        int from = at;
        return plain() ? names.known(json, from, at - 1) : null;
    }

    /** Skips printable ASCII up to and including a closing quote; {@code false} if anything else comes first. */
    private boolean plain() {
        while (at + Long.BYTES <= length && plain((long) WORDS.get(json, at))) {
            at += Long.BYTES;
        }
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

    /**
     * Whether none of eight bytes is a quote, a backslash, a control character or above {@code 0x7E}: each test
     * sets the high bit of a byte that fails it (x - 0x01.. & ~x finds a zero byte, x - 0x20.. & ~x one below
     * 0x20), and a byte above 0x7F has its own high bit set.
     */
    private static boolean plain(long word) {
        long quote = word ^ 0x2222222222222222L;
        long backslash = word ^ 0x5C5C5C5C5C5C5C5CL;
        long delete = word ^ 0x7F7F7F7F7F7F7F7FL;
        long failing = (quote - ONES) & ~quote
                | (backslash - ONES) & ~backslash
                | (delete - ONES) & ~delete
                | (word - 0x2020202020202020L) & ~word
                | word;
        return (failing & HIGH_BITS) == 0;
    }

    /** A non-negative integer without a leading zero, at most {@code max}; else -1. */
    private long number(long max) {
        int from = at;
        long value = 0;
        while (at < length) {
            int digit = json[at] - '0';
            if (digit < 0 || digit > 9) {
                break;
            }
            value = value * 10 + digit;
            at++;
        }
        int digits = at - from;
        // nineteen digits overflow exactly when the value wraps negative; more always may
        boolean fits = digits > 0 && digits <= 19 && value >= 0 && (json[from] != '0' || digits == 1);
        boolean ends = at < length && (json[at] == ',' || json[at] == '}');
        return fits && ends && value <= max ? value : -1;
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

    private boolean next(Literal expected) {
        int n = expected.bytes.length;
        if (at + Math.max(n, Long.BYTES) <= length) {
            if (((long) WORDS.get(json, at) & expected.mask) != expected.first
                    || n > Long.BYTES && !Arrays.equals(json, at + Long.BYTES, at + n, expected.bytes, Long.BYTES, n)) {
                return false;
            }
        } else if (at + n > length || !Arrays.equals(json, at, at + n, expected.bytes, 0, n)) {
            return false;
        }
        at += n;
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
