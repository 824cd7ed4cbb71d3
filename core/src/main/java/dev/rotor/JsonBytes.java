package dev.rotor;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A token payload being written as UTF-8 JSON straight into bytes, one buffer per thread and reused: no
 * builder, no intermediate {@code String}. Text that is plain ASCII is copied byte for byte; anything else is
 * escaped by {@link JsonWriter}'s rules and then encoded, so the two always write the same JSON.
 */
final class JsonBytes {

    private static final ThreadLocal<JsonBytes> BUFFERS = ThreadLocal.withInitial(JsonBytes::new);

    /** Which ASCII characters {@link JsonWriter} writes as themselves. */
    private static final boolean[] PLAIN_ASCII = new boolean[0x80];

    static {
        for (char c = 0; c < 0x80; c++) {
            PLAIN_ASCII[c] = JsonWriter.plain(c);
        }
    }

    private byte[] bytes = new byte[512];
    private int length;

    private JsonBytes() {}

    /** This thread's buffer, emptied. */
    static JsonBytes empty() {
        JsonBytes buffer = BUFFERS.get();
        buffer.length = 0;
        return buffer;
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    /** Appends bytes that are already JSON. */
    JsonBytes raw(byte[] json) {
        room(json.length);
        System.arraycopy(json, 0, bytes, length, json.length);
        length += json.length;
        return this;
    }

    JsonBytes raw(char c) {
        room(1);
        bytes[length++] = (byte) c;
        return this;
    }

    /** Appends a number. */
    JsonBytes number(long value) {
        if (value < 0) { // no token time or generation is; a clock set before 1970 would make one
            return raw(Long.toString(value).getBytes(StandardCharsets.US_ASCII));
        }
        room(20);
        int digits = 1;
        for (long bound = 10; digits < 19 && value >= bound; bound *= 10) {
            digits++;
        }
        int at = length + digits;
        long rest = value;
        while (rest >= 100) {
            long quotient = rest / 100;
            int pair = (int) (rest - quotient * 100);
            bytes[--at] = (byte) ('0' + pair % 10);
            bytes[--at] = (byte) ('0' + pair / 10);
            rest = quotient;
        }
        if (rest >= 10) {
            bytes[--at] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        bytes[--at] = (byte) ('0' + rest);
        length += digits;
        return this;
    }

    /**
     * Appends {@code value} as a JSON string.
     *
     * @return whether it is plain ASCII, written without escapes
     */
    boolean string(String value) {
        int n = value.length();
        room(n + 2);
        int start = length;
        bytes[length++] = '"';
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c >= 0x80 || !PLAIN_ASCII[c]) {
                length = start;
                StringBuilder escaped = new StringBuilder(n + 16);
                JsonWriter.string(escaped, value);
                text(escaped, 0, escaped.length());
                return false;
            }
            bytes[length++] = (byte) c;
        }
        bytes[length++] = '"';
        return true;
    }

    /** Appends {@code json[from..to)}, text that is already JSON, as UTF-8. */
    JsonBytes text(CharSequence json, int from, int to) {
        room(to - from);
        int start = length;
        for (int i = from; i < to; i++) {
            char c = json.charAt(i);
            if (c >= 0x80) {
                length = start;
                return raw(json.subSequence(from, to).toString().getBytes(StandardCharsets.UTF_8));
            }
            bytes[length++] = (byte) c;
        }
        return this;
    }

    /** Appends again the {@code count} bytes written from {@code from} on. */
    JsonBytes repeat(int from, int count) {
        room(count);
        System.arraycopy(bytes, from, bytes, length, count);
        length += count;
        return this;
    }

    /** The bytes written, in an array of their own. */
    byte[] copy() {
        return Arrays.copyOf(bytes, length);
    }

    private void room(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
