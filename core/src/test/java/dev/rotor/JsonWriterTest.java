package dev.rotor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

    @Test
    void anyJavaStringReadsBackExactly() throws IOException {
        Random random = new Random(20261127);
        JsonFactory factory = new JsonFactory();
        for (int i = 0; i < 20_000; i++) {
            char[] chars = new char[random.nextInt(12)];
            for (int c = 0; c < chars.length; c++) {
                chars[c] = switch (random.nextInt(5)) {
                    case 0 -> (char) random.nextInt(0x20);
                    case 1 -> "\"\\/'{}".charAt(random.nextInt(6));
                    case 2 -> (char) (0xD800 + random.nextInt(0x800));
                    case 3 -> (char) random.nextInt(0x10000);
                    default -> (char) ('a' + random.nextInt(26));
                };
            }
            String original = new String(chars);
            byte[] json = JsonWriter.quote(original).getBytes(StandardCharsets.UTF_8);

            try (JsonParser parser = factory.createParser(json)) {
                parser.nextToken();
                assertThat(parser.getText()).isEqualTo(original);
            }
        }
    }

    @Test
    void controlCharactersQuotesAndBackslashesAreEscaped() {
        assertThat(JsonWriter.quote("a\"b\\c\nd\u0001\u2028")).isEqualTo("\"a\\\"b\\\\c\\nd\\u0001\u2028\"");
        assertThat(JsonWriter.quote("😀")).isEqualTo("\"😀\"");
        assertThat(JsonWriter.quote("\uD800x")).isEqualTo("\"\\ud800x\"");
    }
}
