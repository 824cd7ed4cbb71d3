package dev.rotor.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rotor.spi.SessionRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keys and records read from bytes are the ones the text forms gave before: a changed key would orphan every
 * stored session, a changed reading would let a record through that used to count as malformed, or the
 * reverse.
 */
class RecordCodecTest {

    @Test
    void keysAreThePrefixAndTheDigestOfTheSubjectsUtf16Bytes() throws Exception {
        RecordCodec codec = new RecordCodec("rotor:é:");
        for (String subject : List.of("alice", "ünïcødé", "emoji 😀 pair", "lone \uD800 high", "lone \uDC00 low", "")) {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_16BE));
            String expected =
                    "rotor:é:{" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest) + "}";

            assertThat(codec.key(subject)).as(subject).isEqualTo(expected);
            assertThat(codec.keyBytes(subject)).as(subject).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void recordsReadFromBytesAreTheRecordsTheTextSplitRead() {
        List<String> values = List.of(
                "3|1000|2000|9000|0|0|req-1||-1:alice",
                "3|1000|2000|9000|12000|1|req-1|r2,r3|6:phone1bob|with|bars",
                "0|-5|+7|9000|0|0|||-1:x",
                "1|1000|2000|9000|0|2|||3:ab",
                "1|1000|2000|9000|0|0|||-1:ünï|cødé",
                "9223372036854775807|1|2|3|0|0|||-1:max",
                "9223372036854775808|1|2|3|0|0|||-1:overflow",
                "-1|1|2|3|0|0|||-1:negative generation",
                "1|-9223372036854775808|2|3|0|0|||-1:min",
                "1|-9223372036854775809|2|3|0|0|||-1:below min",
                "1|1000|2000|9000|0|0|||x:no length",
                "1||2000|9000|0|0|||-1:empty number",
                "1|1000|2000|9000|0|0||a,,b,|-1:empty replay ids",
                "1|1000|2000|9000|0|0|-1:too few fields",
                "1|1000|2000|1500|1200|0|||-1:expiry after the absolute one",
                "1|1_000|2000|9000|0|0|||-1:underscore");
        for (String value : values) {
            assertThat(RecordCodec.unpack("s", value.getBytes(StandardCharsets.UTF_8)))
                    .as(value)
                    .isEqualTo(splitAsText("s", value));
        }
    }

    @Test
    void numbersAreSentAsLongToStringWritesThem() {
        for (long number : new long[] {0, 7, 9, 10, 99, 100, 1_796_121_331_696L, Long.MAX_VALUE, -1, Long.MIN_VALUE}) {
            assertThat(RedisSessionStore.decimal(number))
                    .as("%d", number)
                    .isEqualTo(Long.toString(number).getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** How the store read a record before it read bytes: the text split at bars. */
    private static SessionRecord splitAsText(String sessionId, String value) {
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
}
