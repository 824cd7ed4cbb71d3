package dev.rotor;

import java.util.Objects;

/** Checks the text a caller gives: subjects, device ids, client ids and scopes. */
final class Inputs {

    static final int MAX_SUBJECT_LENGTH = 1024;
    static final int MAX_DEVICE_LENGTH = 256;
    static final int MAX_CLIENT_ID_LENGTH = 256;
    static final int MAX_SCOPE_LENGTH = 1024;

    private Inputs() {}

    static String subject(String subject) {
        return checkText(Objects.requireNonNull(subject, "subject"), MAX_SUBJECT_LENGTH, "subject");
    }

    /** A device id, or {@code null} for none. */
    static String device(String deviceId) {
        return deviceId == null ? null : checkText(deviceId, MAX_DEVICE_LENGTH, "deviceId");
    }

    /**
     * A client id, or {@code null}: 1 to 256 printable ASCII characters (RFC 6749 Appendix A.1).
     *
     * @param name the setting's name, for the message
     */
    static String clientId(String clientId, String name) {
        if (clientId != null && !ascii(clientId, MAX_CLIENT_ID_LENGTH)) {
            throw new IllegalArgumentException(name + " must be 1 to 256 printable ASCII characters");
        }
        return clientId;
    }

    /** A scope, or {@code null}: scope tokens separated by single spaces (RFC 6749 §3.3), 1 to 1024 characters. */
    static String scope(String scope) {
        if (scope != null
                && (!ascii(scope, MAX_SCOPE_LENGTH)
                        || scope.indexOf('"') >= 0
                        || scope.indexOf('\\') >= 0
                        || scope.startsWith(" ")
                        || scope.endsWith(" ")
                        || scope.contains("  "))) {
            throw new IllegalArgumentException(
                    "scope must be 1 to 1024 characters: tokens of printable ASCII but \" and \\, one space apart");
        }
        return scope;
    }

    /** 1 to {@code max} characters of {@code %x20-7E}. */
    private static boolean ascii(String value, int max) {
        if (value.isEmpty() || value.length() > max) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0x7e || c < 0x20) {
                return false;
            }
        }
        return true;
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
