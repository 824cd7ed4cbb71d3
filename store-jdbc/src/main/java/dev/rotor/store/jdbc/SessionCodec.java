package dev.rotor.store.jdbc;

import dev.rotor.spi.SessionRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code sessions} column: a user's sessions in a small binary form, format byte first. Strings are
 * written as Java's modified UTF-8, which keeps {@code U+0000} and every UTF-16 unit exactly; times as epoch
 * milliseconds. The subject is not repeated: it is the row's.
 */
final class SessionCodec {

    private static final int FORMAT = 1;

    private SessionCodec() {}

    static byte[] encode(List<SessionRecord> sessions) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 + 128 * sessions.size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeInt(sessions.size());
            for (SessionRecord session : sessions) {
                out.writeUTF(session.sessionId());
                writeOptional(out, session.deviceId());
                out.writeLong(session.createdAt().toEpochMilli());
                out.writeLong(session.generation());
                out.writeLong(session.rotatedAt().toEpochMilli());
                out.writeLong(session.expiresAt().toEpochMilli());
                out.writeBoolean(session.absoluteExpiresAt() != null);
                if (session.absoluteExpiresAt() != null) {
                    out.writeLong(session.absoluteExpiresAt().toEpochMilli());
                }
                writeOptional(out, session.lastRequestId());
                out.writeInt(session.replayRequestIds().size());
                for (String id : session.replayRequestIds()) {
                    out.writeUTF(id);
                }
                out.writeBoolean(session.revoked());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static List<SessionRecord> decode(String subject, byte[] encoded) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            int format = in.readUnsignedByte();
            if (format != FORMAT) {
                throw new IllegalStateException("sessions column of format " + format + ", expected " + FORMAT);
            }
            int count = in.readInt();
            List<SessionRecord> sessions = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String sessionId = in.readUTF();
                String deviceId = readOptional(in);
                Instant createdAt = Instant.ofEpochMilli(in.readLong());
                long generation = in.readLong();
                Instant rotatedAt = Instant.ofEpochMilli(in.readLong());
                Instant expiresAt = Instant.ofEpochMilli(in.readLong());
                Instant absolute = in.readBoolean() ? Instant.ofEpochMilli(in.readLong()) : null;
                String lastRequestId = readOptional(in);
                int replays = in.readInt();
                List<String> replayIds = new ArrayList<>(replays);
                for (int r = 0; r < replays; r++) {
                    replayIds.add(in.readUTF());
                }
                boolean revoked = in.readBoolean();
                sessions.add(new SessionRecord(
                        sessionId,
                        subject,
                        deviceId,
                        createdAt,
                        generation,
                        rotatedAt,
                        expiresAt,
                        absolute,
                        lastRequestId,
                        replayIds,
                        revoked));
            }
            return sessions;
        } catch (IOException e) {
            throw new IllegalStateException("unreadable sessions column", e);
        }
    }

    private static void writeOptional(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String readOptional(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
