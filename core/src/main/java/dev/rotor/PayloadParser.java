package dev.rotor;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a token payload, after its signature was verified: one laid out as Rotor writes it in one pass
 * ({@link LayoutReader}), any other with Jackson's streaming parser, which decides every refusal. Refuses
 * duplicate names at any depth, trailing content, wrongly typed registered claims, more than {@link
 * #MAX_CLAIMS} top-level claims and nesting deeper than {@link #MAX_DEPTH}; a refresh token carries nothing but
 * its registered claims and {@code clm}.
 */
final class PayloadParser {

    /** Most top-level claims in a payload, registered ones included. */
    static final int MAX_CLAIMS = 64;

    /** Deepest nesting of a payload, its own object included. */
    static final int MAX_DEPTH = 10;

    /** 9999-12-31T23:59:59Z: later times are refused, so that milliseconds never overflow. */
    static final long MAX_EPOCH_SECOND = 253_402_300_799L;

    /** What a payload says, before the codec checks it. */
    static final class Claims {
        boolean issuerMatches;
        /** {@code null} if the token has no {@code aud}. */
        List<String> audience;

        String subject;
        String sessionId;
        String tokenId;
        String deviceId;
        String clientId;
        long generation = -1;
        long issuedAt = Long.MIN_VALUE;
        long expiresAt = Long.MIN_VALUE;
        long notBefore = Long.MIN_VALUE;
        String sessionClaimsJson = "{}";
        final Map<String, Object> custom = new LinkedHashMap<>();
    }

    private final String issuer;
    private final byte[] accessStart;
    private final List<String> accessAudience;
    private final byte[] refreshStart;
    private final List<String> refreshAudience;
    private final LayoutReader.Names names = new LayoutReader.Names();
    private final JsonFactory factory = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxNumberLength(JsonWriter.MAX_NUMBER_LENGTH)
                    .build())
            .build();

    /**
     * @param issuer the only {@code iss} accepted
     * @param accessStart what Rotor's access-token payloads start with, up to the name of {@code sub}
     * @param accessAudience their {@code aud}, or {@code null} for none
     * @param refreshStart what Rotor's refresh-token payloads start with
     * @param refreshAudience their {@code aud}
     */
    PayloadParser(
            String issuer,
            byte[] accessStart,
            List<String> accessAudience,
            byte[] refreshStart,
            List<String> refreshAudience) {
        this.issuer = issuer;
        this.accessStart = accessStart;
        this.accessAudience = accessAudience;
        this.refreshStart = refreshStart;
        this.refreshAudience = refreshAudience;
    }

    /** Reads {@code json[0..length)}: in one pass if Rotor laid it out, else with Jackson. */
    Claims parse(byte[] json, int length, TokenType type) {
        Claims claims = parseByLayout(json, length, type);
        return claims != null ? claims : parseWithJackson(json, length, type);
    }

    /** Reads {@code json[0..length)} if it is laid out as Rotor writes it, else {@code null}. */
    Claims parseByLayout(byte[] json, int length, TokenType type) {
        return type == TokenType.ACCESS
                ? LayoutReader.read(json, length, type, accessStart, accessAudience, names)
                : LayoutReader.read(json, length, type, refreshStart, refreshAudience, names);
    }

    /** Reads {@code json[0..length)} with Jackson's streaming parser, whatever its layout. */
    Claims parseWithJackson(byte[] json, int length, TokenType type) {
        try (JsonParser parser = factory.createParser(json, 0, length)) {
            Claims claims = parseObject(parser, json, type);
            if (parser.nextToken() != null) {
                throw TokenRejection.invalid();
            }
            return claims;
        } catch (IOException | RuntimeException e) {
            throw e instanceof TokenRejection rejection ? rejection : TokenRejection.invalid();
        }
    }

    /** Reads a JSON object of claim values (the {@code clm} object of a refresh token). */
    Map<String, Object> parseObject(String json) {
        try (JsonParser parser = factory.createParser(json)) {
            Object value = readValue(parser, parser.nextToken());
            if (!(value instanceof Map<?, ?>) || parser.nextToken() != null) {
                throw TokenRejection.invalid();
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) value;
            return map;
        } catch (IOException | RuntimeException e) {
            throw e instanceof TokenRejection rejection ? rejection : TokenRejection.invalid();
        }
    }

    private Claims parseObject(JsonParser parser, byte[] json, TokenType type) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw TokenRejection.invalid();
        }
        Claims claims = new Claims();
        int count = 0;
        int seen = 0;
        String name;
        while ((name = parser.nextFieldName()) != null) {
            if (++count > MAX_CLAIMS) {
                throw TokenRejection.invalid();
            }
            JsonToken token = parser.nextToken();
            int index = registeredIndex(name);
            if (index < 0) {
                custom(parser, token, name, claims, type);
                continue;
            }
            int bit = 1 << index;
            if ((seen & bit) != 0) {
                throw TokenRejection.invalid(); // a duplicate claim
            }
            seen |= bit;
            switch (name) {
                case "iss" -> claims.issuerMatches = textEquals(parser, token, issuer);
                case "sub" -> claims.subject = text(parser, token);
                case "sid" -> claims.sessionId = text(parser, token);
                case "jti" -> claims.tokenId = text(parser, token);
                case "did" -> claims.deviceId = text(parser, token);
                case "aud" -> claims.audience = audience(parser, token);
                case "gen" -> claims.generation = number(parser, token, Long.MAX_VALUE);
                case "iat" -> claims.issuedAt = number(parser, token, MAX_EPOCH_SECOND);
                case "exp" -> claims.expiresAt = number(parser, token, MAX_EPOCH_SECOND);
                case "nbf" -> claims.notBefore = number(parser, token, MAX_EPOCH_SECOND);
                case "client_id" -> claims.clientId = text(parser, token);
                default -> claims.sessionClaimsJson = rawObject(parser, token, json);
            }
        }
        if (parser.currentToken() != JsonToken.END_OBJECT) {
            throw TokenRejection.invalid();
        }
        return claims;
    }

    /** Whether {@code name} is a claim Rotor reads itself. */
    static boolean isRegistered(String name) {
        return registeredIndex(name) >= 0;
    }

    /** Each registered claim's bit in the set of claims seen, which refuses duplicates cheaply; -1 if custom. */
    private static int registeredIndex(String name) {
        return switch (name) {
            case "iss" -> 0;
            case "sub" -> 1;
            case "sid" -> 2;
            case "jti" -> 3;
            case "did" -> 4;
            case "aud" -> 5;
            case "gen" -> 6;
            case "iat" -> 7;
            case "exp" -> 8;
            case "nbf" -> 9;
            case "clm" -> 10;
            case "client_id" -> 11;
            default -> -1;
        };
    }

    /** A custom claim: kept for an access token; a refresh token has none. */
    private void custom(JsonParser parser, JsonToken token, String name, Claims claims, TokenType type)
            throws IOException {
        if (type != TokenType.ACCESS || claims.custom.containsKey(name)) {
            throw TokenRejection.invalid();
        }
        claims.custom.put(name, readValue(parser, token));
    }

    private static String text(JsonParser parser, JsonToken token) throws IOException {
        if (token != JsonToken.VALUE_STRING) {
            throw TokenRejection.invalid();
        }
        return parser.getText();
    }

    /** Compares a string value without making a {@code String} of it. */
    private static boolean textEquals(JsonParser parser, JsonToken token, String expected) throws IOException {
        if (token != JsonToken.VALUE_STRING) {
            throw TokenRejection.invalid();
        }
        int length = parser.getTextLength();
        if (length != expected.length()) {
            return false;
        }
        char[] chars = parser.getTextCharacters();
        int offset = parser.getTextOffset();
        for (int i = 0; i < length; i++) {
            if (chars[offset + i] != expected.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static long number(JsonParser parser, JsonToken token, long max) throws IOException {
        if (token != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw TokenRejection.invalid();
        }
        long value = parser.getLongValue();
        if (value < 0 || value > max) {
            throw TokenRejection.invalid();
        }
        return value;
    }

    private static List<String> audience(JsonParser parser, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_STRING) {
            return List.of(parser.getText());
        }
        if (token != JsonToken.START_ARRAY) {
            throw TokenRejection.invalid();
        }
        List<String> audience = new ArrayList<>();
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            audience.add(text(parser, token));
        }
        return audience;
    }

    private static String rawObject(JsonParser parser, JsonToken token, byte[] json) throws IOException {
        if (token != JsonToken.START_OBJECT) {
            throw TokenRejection.invalid();
        }
        int start = (int) parser.currentTokenLocation().getByteOffset();
        readValue(parser, token); // read, not skipped, so that a duplicate name inside is refused too
        int end = (int) parser.currentTokenLocation().getByteOffset() + 1;
        return new String(json, start, end - start, StandardCharsets.UTF_8);
    }

    private static Object readValue(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return parser.getNumberValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            case START_ARRAY:
                List<Object> list = new ArrayList<>();
                while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                    list.add(readValue(parser, token));
                }
                return list;
            case START_OBJECT:
                Map<String, Object> map = new LinkedHashMap<>();
                String name;
                while ((name = parser.nextFieldName()) != null) {
                    if (map.containsKey(name)) {
                        throw TokenRejection.invalid(); // a duplicate name
                    }
                    map.put(name, readValue(parser, parser.nextToken()));
                }
                return map;
            default:
                throw TokenRejection.invalid();
        }
    }
}
