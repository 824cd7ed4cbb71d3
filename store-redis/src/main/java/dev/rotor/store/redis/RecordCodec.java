package dev.rotor.store.redis;

import dev.rotor.spi.SessionRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Keys and values of the Redis store. A subject's sessions live in one hash, {@code
 * <prefix>{<base64url(SHA-256(UTF-16BE(subject)))>}}: the hash tag puts every key of a subject in one cluster slot
 * whatever characters the subject has, and the digest keeps subjects apart. Values are the records packed
 * as {@link Scripts} describes; the tail is {@code <device length, -1 for none>:<device><subject>}. Keys,
 * field names and values travel as their UTF-8 bytes, and records are read from those bytes directly.
 */
final class RecordCodec {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(RecordCodec::newSha256);
    private static final int FIELDS = 9;

    private final byte[] prefix;

    RecordCodec(String prefix) {
        this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
    }

    /** The key of a subject's hash, as text (for administration and tests). */
    String key(String subject) {
        return new String(keyBytes(subject), StandardCharsets.UTF_8);
    }

    /** The key of a subject's hash, as sent. */
    byte[] keyBytes(String subject) {
        byte[] digest = ENCODER.encode(sha256(subject));
        byte[] key = Arrays.copyOf(prefix, prefix.length + digest.length + 2);
        key[prefix.length] = '{';
        System.arraycopy(digest, 0, key, prefix.length + 1, digest.length);
        key[key.length - 1] = '}';
        return key;
    }

    static String pack(SessionRecord session) {
        String device = session.deviceId();
        StringBuilder value = new StringBuilder(128)
                .append(session.generation())
                .append('|')
                .append(session.createdAt().toEpochMilli())
                .append('|')
                .append(session.rotatedAt().toEpochMilli())
                .append('|')
                .append(session.expiresAt().toEpochMilli())
                .append('|')
                .append(
                        session.absoluteExpiresAt() == null
                                ? 0
                                : session.absoluteExpiresAt().toEpochMilli())
                .append('|')
                .append(session.revoked() ? '1' : '0')
                .append('|')
                .append(session.lastRequestId() == null ? "" : session.lastRequestId())
                .append('|')
                .append(String.join(",", session.replayRequestIds()))
                .append('|')
                .append(device == null ? -1 : device.length())
                .append(':');
        if (device != null) {
            value.append(device);
        }
        return value.append(session.subject()).toString();
    }

    /** The record a value holds, or {@code null} if it is malformed. */
    static SessionRecord unpack(String sessionId, String value) {
        return unpack(sessionId, value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The record the UTF-8 bytes of a value hold, or {@code null} if it is malformed: nine fields split at the
     * first eight bars, the numbers as {@link Long#parseLong} reads them.
     */
    static SessionRecord unpack(String sessionId, byte[] value) {
        try {
            int[] start = new int[FIELDS + 1];
            int field = 1;
            for (int i = 0; i < value.length && field < FIELDS; i++) {
                if (value[i] == '|') {
                    start[field++] = i + 1;
                }
            }
            if (field < FIELDS) {
                return null;
            }
            start[FIELDS] = value.length + 1;
            String tail = text(value, start, 8);
            int colon = tail.indexOf(':');
            int deviceLength = Integer.parseInt(tail.substring(0, colon));
            String device = deviceLength < 0 ? null : tail.substring(colon + 1, colon + 1 + deviceLength);
            String subject = tail.substring(colon + 1 + Math.max(deviceLength, 0));
            long absolute = number(value, start, 4);
            boolean revoked = start[6] - start[5] == 2 && value[start[5]] == '1';
            List<String> replays = start[8] - start[7] == 1
                    ? List.of()
                    : List.of(text(value, start, 7).split(","));
            return new SessionRecord(
                    sessionId,
                    subject,
                    device,
                    Instant.ofEpochMilli(number(value, start, 1)),
                    number(value, start, 0),
                    Instant.ofEpochMilli(number(value, start, 2)),
                    Instant.ofEpochMilli(number(value, start, 3)),
                    absolute == 0 ? null : Instant.ofEpochMilli(absolute),
                    start[7] - start[6] == 1 ? null : text(value, start, 6),
                    replays,
                    revoked);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Field {@code n} as text. */
    private static String text(byte[] value, int[] start, int n) {
        return new String(value, start[n], start[n + 1] - 1 - start[n], StandardCharsets.UTF_8);
    }

    /** Field {@code n} as {@link Long#parseLong} reads it: an optional sign, then decimal digits. */
    private static long number(byte[] value, int[] start, int n) {
        int from = start[n];
        int end = start[n + 1] - 1;
        boolean negative = from < end && value[from] == '-';
        if (from < end && (negative || value[from] == '+')) {
            from++;
        }
        if (from >= end) {
            throw new NumberFormatException("empty number");
        }
        long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
        long result = 0; // accumulated negatively, as Long.parseLong does, so that Long.MIN_VALUE fits
        for (int i = from; i < end; i++) {
            int digit = value[i] - '0';
            if (digit < 0 || digit > 9 || result < limit / 10 || result * 10 < limit + digit) {
                throw new NumberFormatException("not a number");
            }
            result = result * 10 - digit;
        }
        return negative ? result : -result;
    }

    private static byte[] sha256(String subject) {
        return SHA_256.get().digest(utf16be(subject));
    }

    /**
     * {@code subject.getBytes(UTF_16BE)}, written out directly when the subject holds no surrogate (the
     * charset encoder is the slow part of a key); with one, the encoder's own handling of unpaired surrogates.
     */
    private static byte[] utf16be(String subject) {
        int length = subject.length();
        byte[] bytes = new byte[2 * length];
        for (int i = 0; i < length; i++) {
            char c = subject.charAt(i);
            if (Character.isSurrogate(c)) {
                return subject.getBytes(StandardCharsets.UTF_16BE);
            }
            bytes[2 * i] = (byte) (c >>> 8);
            bytes[2 * i + 1] = (byte) c;
        }
        return bytes;
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
