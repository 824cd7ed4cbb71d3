package dev.rotor.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Case 17 over the whole suite: runs after every other class of this module (see {@code
 * junit-platform.properties}) and searches everything logged by all of them, faults, races and refusals
 * included, for anything shaped like a token segment or the key. It checks that they did run first, so run
 * alone (or if the class order were lost) it fails rather than pass with nothing searched.
 */
@Order(Integer.MAX_VALUE)
class WholeRunLogsTest {

    /** base64url of JSON starting {@code {"}: how every JWT header and payload segment begins. */
    private static final Pattern JSON_SEGMENT = Pattern.compile("eyJ[A-Za-z0-9_-]{16,}");

    @Test
    void nothingLoggedByTheWholeSuiteLooksLikeATokenOrTheKey() {
        List<String> lines = CapturedLogs.lines();

        assertThat(lines)
                .as("the fault tests ran before this one")
                .anyMatch(line -> line.contains("Redis connection failed"));
        assertThat(lines).as("the reuse tests ran before this one").anyMatch(line -> line.contains("reuse detected"));
        for (String line : lines) {
            assertThat(jsonSegments(line)).as("token segments logged").isEmpty();
            assertThat(line)
                    .doesNotContain(new String(Backend.SECRET, StandardCharsets.UTF_8))
                    .doesNotContain(Base64.getEncoder().encodeToString(Backend.SECRET))
                    .doesNotContain(Base64.getUrlEncoder().withoutPadding().encodeToString(Backend.SECRET))
                    .doesNotContain(HexFormat.of().formatHex(Backend.SECRET));
        }
    }

    /** Substrings that decode to JSON, as a token's header and payload do; a random id only looks like one. */
    private static List<String> jsonSegments(String line) {
        return JSON_SEGMENT
                .matcher(line)
                .results()
                .map(MatchResult::group)
                .filter(segment -> {
                    String whole = segment.substring(0, segment.length() - segment.length() % 4);
                    return new String(Base64.getUrlDecoder().decode(whole), StandardCharsets.UTF_8).contains("\":");
                })
                .toList();
    }
}
