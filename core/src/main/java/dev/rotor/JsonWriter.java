package dev.rotor;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * Writes compact JSON straight into a {@link StringBuilder}: no trees, no reflection. Strings are escaped
 * so that any Java string, including control characters and unpaired surrogates, reads back exactly.
 */
final class JsonWriter {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** The longest number the payload parser reads back; longer ones are refused when written. */
    static final int MAX_NUMBER_LENGTH = 40;

    private JsonWriter() {}

    static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2);
        string(out, value);
        return out.toString();
    }

    /**
     * Writes {@code value} as a JSON string.
     *
     * @return {@code true} if no character needed escaping
     */
    static boolean string(StringBuilder out, String value) {
        out.append('"');
        int length = value.length();
        int first = 0;
        while (first < length && plain(value.charAt(first))) {
            first++;
        }
        if (first == length) {
            out.append(value).append('"'); // the usual case, copied whole
            return true;
        }
        int plainFrom = 0;
        for (int i = first; i < length; i++) {
            char c = value.charAt(i);
            if (plain(c)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
                continue;
            }
            out.append(value, plainFrom, i);
            escape(out, c);
            plainFrom = i + 1;
        }
        out.append(value, plainFrom, length).append('"');
        return false;
    }

    /** Whether a character is written as itself: not a control character, quote, backslash or surrogate. */
    static boolean plain(char c) {
        return c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c);
    }

    private static void escape(StringBuilder out, char c) {
        switch (c) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            default ->
                out.append("\\u")
                        .append(HEX[c >> 12 & 0xF])
                        .append(HEX[c >> 8 & 0xF])
                        .append(HEX[c >> 4 & 0xF])
                        .append(HEX[c & 0xF]);
        }
    }

    /**
     * Writes a claim value: a string, number, boolean, {@code null}, a collection or array of values, or a
     * map with string keys.
     *
     * @throws IllegalArgumentException for any other type, a non-finite number, or nesting deeper than
     *     {@code depthLeft}
     */
    static void value(StringBuilder out, Object value, int depthLeft) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(out, s);
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte) {
            out.append(value);
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            require(Double.isFinite(d), "claim numbers must be finite");
            out.append(d);
        } else if (value instanceof BigInteger || value instanceof BigDecimal) {
            String digits = value.toString();
            require(digits.length() <= MAX_NUMBER_LENGTH, "claim numbers may have at most 40 characters");
            out.append(digits);
        } else {
            container(out, value, depthLeft);
        }
    }

    private static void container(StringBuilder out, Object value, int depthLeft) {
        require(depthLeft > 0, "claims are nested too deeply");
        if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                require(entry.getKey() instanceof String, "claim object keys must be strings");
                out.append(first ? "" : ",");
                string(out, (String) entry.getKey());
                out.append(':');
                value(out, entry.getValue(), depthLeft - 1);
                first = false;
            }
            out.append('}');
        } else if (value instanceof Collection<?> items) {
            array(out, items.toArray(), depthLeft);
        } else if (value instanceof Object[] items) {
            array(out, items, depthLeft);
        } else {
            throw new IllegalArgumentException("unsupported claim type "
                    + value.getClass().getName() + "; use strings, numbers, booleans, lists and maps");
        }
    }

    private static void array(StringBuilder out, Object[] items, int depthLeft) {
        out.append('[');
        for (int i = 0; i < items.length; i++) {
            out.append(i == 0 ? "" : ",");
            value(out, items[i], depthLeft - 1);
        }
        out.append(']');
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
