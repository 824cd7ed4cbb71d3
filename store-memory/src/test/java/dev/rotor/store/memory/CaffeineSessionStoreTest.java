package dev.rotor.store.memory;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rotor.spi.SessionStore;
import dev.rotor.tck.SessionStoreContract;
import org.junit.jupiter.api.Test;

class CaffeineSessionStoreTest extends SessionStoreContract {

    private static final CaffeineSessionStore STORE = CaffeineSessionStore.create();

    @Override
    protected SessionStore store() {
        return STORE;
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
}
