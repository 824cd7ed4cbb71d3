package dev.rotor.store.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rotor.spi.LoginRequest;
import dev.rotor.spi.SessionRecord;
import dev.rotor.spi.VersionedSessionStore;
import dev.rotor.tck.VersionedStoreContract;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CaffeineSessionStoreTest extends VersionedStoreContract {

    private static final CaffeineSessionStore STORE = CaffeineSessionStore.create();

    @Override
    protected VersionedSessionStore versionedStore() {
        return STORE.versioned();
    }

    @Override
    protected boolean holdsAnything(String subject) {
        STORE.cleanUp();
        return STORE.holdsEntryFor(subject);
    }

    @Override
    protected String storedContent() {
        return STORE.dump();
    }

    @Test
    void aStoreHoldsAtLeastOneSubject() {
        assertThatThrownBy(() -> CaffeineSessionStore.create(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theStoreItselfRunsTheRulesOfItsVersionedView() {
        String subject = newSubject();
        SessionRecord session = SessionRecord.open(newSessionId(), subject, null, now, Duration.ofDays(1), null);

        assertThat(STORE.create(new LoginRequest(session, 5, false)).opened()).isTrue();

        assertThat(STORE.find(subject, session.sessionId(), now)).contains(session);
        assertThat(versionedStore().read(subject, session.sessionId(), now).sessions())
                .containsExactly(session);
    }

    @Test
    void aSubjectEvictedForRoomAndStoredAgainNeverRepeatsAVersion() {
        CaffeineSessionStore tiny = CaffeineSessionStore.create(1);
        String subject = newSubject();
        tiny.create(new LoginRequest(SessionRecord.open("s1", subject, null, now, Duration.ofDays(1), null), 5, false));
        long before = tiny.versioned().readAll(subject, now).version();
        for (int i = 0; i < 50; i++) {
            String other = newSubject();
            tiny.create(new LoginRequest(
                    SessionRecord.open("o" + i, other, null, now, Duration.ofDays(1), null), 5, false));
        }
        tiny.cleanUp();
        tiny.create(new LoginRequest(SessionRecord.open("s2", subject, null, now, Duration.ofDays(1), null), 5, false));

        assertThat(tiny.versioned().readAll(subject, now).version()).isNotEqualTo(before);
    }
}
