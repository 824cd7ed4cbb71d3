package dev.rotor.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rotor.RotorException;
import dev.rotor.RotorException.Reason;
import dev.rotor.TokenPair;
import dev.rotor.TokenService;
import dev.rotor.spi.RotationRequest;
import dev.rotor.spi.RotationResult;
import dev.rotor.spi.StoreUnavailableException;
import dev.rotor.store.memory.CaffeineSessionStore;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A store outage logs one line per failed call at WARN, naming the failure and its cause, with the stack
 * trace only at DEBUG: an outage must not fill the log with a stack trace per refresh.
 */
class StoreOutageLogTest {

    @Test
    void aFailedStoreCallIsOneWarnLineWithoutAStackTrace() {
        String outage = "outage-" + UUID.randomUUID();
        String driver = "driver-" + UUID.randomUUID();
        TokenService tokens = Backend.tokensOn(
                new ForwardingStore(CaffeineSessionStore.create()) {
                    @Override
                    public RotationResult rotate(RotationRequest request) {
                        throw new StoreUnavailableException(outage, new IllegalStateException(driver));
                    }
                },
                b -> b);
        TokenPair pair = tokens.issue("outage-user");

        assertThatThrownBy(() -> tokens.refresh(pair.refreshToken()))
                .isInstanceOfSatisfying(
                        RotorException.class, e -> assertThat(e.reason()).isEqualTo(Reason.STORE_UNAVAILABLE));

        List<String> lines = CapturedLogs.lines().stream()
                .filter(line -> line.contains(outage))
                .toList();
        assertThat(lines)
                .filteredOn(line -> line.startsWith("WARN"))
                .singleElement()
                .satisfies(warn -> assertThat(warn)
                        .contains(outage)
                        .contains(driver)
                        .doesNotContain("{}")
                        .doesNotContain("\n"));
        assertThat(lines)
                .filteredOn(line -> line.startsWith("DEBUG"))
                .singleElement()
                .satisfies(debug -> assertThat(debug).contains("\tat "));
    }
}
