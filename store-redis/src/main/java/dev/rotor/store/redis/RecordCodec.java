package dev.rotor.store.redis;

import dev.rotor.spi.SessionRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Keys and values of the Redis store. A subject's sessions live in one hash, {@code
 * <prefix>{<base64url(SHA-256(UTF-16BE(subject)))>}}: the hash tag puts every key of a subject in one cluster slot
 * whatever characters the subject has, and the digest keeps subjects apart. Values are the records packed
 * as {@link Scripts} describes; the tail is {@code <device length, -1 for none>:<device><subject>}.
 */
final class RecordCodec {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(RecordCodec::newSha256);

    private final String prefix;

    RecordCodec(String prefix) {
        this.prefix = prefix;
    }

    String key(String subject) {
        return prefix + '{' + ENCODER.encodeToString(sha256(subject)) + '}';
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
        try {
            String[] fields = value.split("\\|", 9);
            String tail = fields[8];
            int colon = tail.indexOf(':');
            int deviceLength = Integer.parseInt(tail.substring(0, colon));
            String device = deviceLength < 0 ? null : tail.substring(colon + 1, colon + 1 + deviceLength);
            String subject = tail.substring(colon + 1 + Math.max(deviceLength, 0));
            long absolute = Long.parseLong(fields[4]);
            List<String> replays = fields[7].isEmpty() ? List.of() : List.of(fields[7].split(","));
            return new SessionRecord(
                    sessionId,
                    subject,
                    device,
                    Instant.ofEpochMilli(Long.parseLong(fields[1])),
                    Long.parseLong(fields[0]),
                    Instant.ofEpochMilli(Long.parseLong(fields[2])),
                    Instant.ofEpochMilli(Long.parseLong(fields[3])),
                    absolute == 0 ? null : Instant.ofEpochMilli(absolute),
                    fields[6].isEmpty() ? null : fields[6],
                    replays,
                    "1".equals(fields[5]));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static byte[] sha256(String subject) {
        return SHA_256.get().digest(subject.getBytes(StandardCharsets.UTF_16BE));
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
