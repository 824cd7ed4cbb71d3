package dev.rotor.examples.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RotorClientExceptionTest {

    @Test
    void everyRefusalOfTheTokenLogsOutButTransientFailuresDoNot() {
        for (int status : new int[] {400, 401, 403, 404}) {
            assertThat(new RotorClientException(status, "ANY").loggedOut())
                    .as("%d", status)
                    .isTrue();
        }
        for (int status : new int[] {0, 408, 429, 500, 502, 503}) {
            assertThat(new RotorClientException(status, "ANY").loggedOut())
                    .as("%d", status)
                    .isFalse();
        }
        assertThat(new RotorClientException(0, "MALFORMED_REPLY").loggedOut()).isTrue();
        assertThat(new RotorClientException(0, "UNREACHABLE").loggedOut()).isFalse();
    }
}
