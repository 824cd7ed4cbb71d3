package dev.rotor.spring.boot;

import dev.rotor.spi.SessionStore;
import dev.rotor.store.memory.CaffeineSessionStore;

/** Builds the Caffeine store; loaded only when it is selected, so the Redis store never needs Caffeine. */
final class MemoryStoreFactory {

    private MemoryStoreFactory() {}

    static SessionStore create(long maximumSubjects) {
        SessionStore[] store = new SessionStore[1];
        RotorConfigurationException.apply(
                "rotor.store.memory-maximum-subjects", () -> store[0] = CaffeineSessionStore.create(maximumSubjects));
        return store[0];
    }
}
