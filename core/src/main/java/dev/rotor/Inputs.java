package dev.rotor;

import java.util.Objects;

/** Checks the text a caller gives: subjects and device ids. */
final class Inputs {

    static final int MAX_SUBJECT_LENGTH = 1024;
    static final int MAX_DEVICE_LENGTH = 256;

    private Inputs() {}

    static String subject(String subject) {
        return checkText(Objects.requireNonNull(subject, "subject"), MAX_SUBJECT_LENGTH, "subject");
    }

    /** A device id, or {@code null} for none. */
    static String device(String deviceId) {
        return deviceId == null ? null : checkText(deviceId, MAX_DEVICE_LENGTH, "deviceId");
    }

    /** Refuses empty, overlong and malformed text (an unpaired surrogate cannot travel as UTF-8). */
    private static String checkText(String value, int max, String name) {
        if (value.isEmpty() || value.length() > max) {
            throw new IllegalArgumentException(name + " must be 1 to " + max + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean paired = Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(++i));
            if (Character.isSurrogate(c) && !paired) {
                throw new IllegalArgumentException(name + " has an unpaired surrogate character");
            }
        }
        return value;
    }
}
