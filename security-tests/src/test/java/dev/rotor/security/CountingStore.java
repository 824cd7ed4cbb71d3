package dev.rotor.security;

import dev.rotor.spi.SessionStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;

/** Passes every call to a store and counts them, to prove a refused token never reached it. */
final class CountingStore {

    final AtomicInteger calls = new AtomicInteger();
    final SessionStore store;

    CountingStore(SessionStore delegate) {
        this.store = (SessionStore) Proxy.newProxyInstance(
                SessionStore.class.getClassLoader(), new Class<?>[] {SessionStore.class}, (proxy, method, args) -> {
                    calls.incrementAndGet();
                    try {
                        return method.invoke(delegate, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
