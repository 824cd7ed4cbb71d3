package dev.rotor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Payload bytes against the text {@link JsonWriter} and {@code Long.toString} write. */
class JsonBytesTest {

    @Test
    void numbersAreWhatLongToStringWritesNegativeOnesIncluded() {
        Random random = new Random(5);
        long[] edges = {0, 9, 10, 99, 100, 999_999_999, 1_000_000_000, Long.MAX_VALUE, -1, -5, Long.MIN_VALUE};
        for (int i = 0; i < 10_000; i++) {
            long value = i < edges.length ? edges[i] : random.nextLong() >> random.nextInt(64);
            assertThat(text(JsonBytes.empty().number(value))).isEqualTo(Long.toString(value));
        }
    }

    @Test
    void stringsAreWhatJsonWriterWritesAsUtf8() {
        for (String value :
                new String[] {"alice", "", "a\"b\\c", "tab\t\u0000", "Zoë", "日本", "\uD83D\uDE00", "\uD800x"}) {
            JsonBytes bytes = JsonBytes.empty();
            bytes.string(value);
            assertThat(text(bytes)).isEqualTo(JsonWriter.quote(value));
        }
    }

    private static String text(JsonBytes bytes) {
        return new String(Arrays.copyOf(bytes.bytes(), bytes.length()), StandardCharsets.UTF_8);
    }
}
