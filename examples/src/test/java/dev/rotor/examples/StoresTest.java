package dev.rotor.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StoresTest {

    @Test
    void whatTheExampleCannotHonourIsRefusedWithoutQuotingTheUrl() {
        for (String url : new String[] {
            "redis://admin:s3cret-pw@localhost:6379",
            "redis://localhost:6379/2",
            "rediss://localhost:6379",
            "redis://s3cret-pw@local host:6379",
            "redis://localhost",
            "redis://localhost:6379?password=s3cret-pw",
            "redis://localhost:6379#s3cret-pw",
            "user:s3cret-pw@redis-1:7000",
            "redis-1:7000,redis-2:s3cret-pw",
            "redis-1:99999"
        }) {
            assertThatThrownBy(() -> Stores.from(url))
                    .as(url)
                    .isInstanceOf(IllegalArgumentException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret-pw"));
        }
    }

    @Test
    void noUrlIsTheInMemoryStore() {
        assertThat(Stores.from(null).getClass().getSimpleName()).isEqualTo("CaffeineSessionStore");
        assertThat(Stores.from(" ").getClass().getSimpleName()).isEqualTo("CaffeineSessionStore");
    }
}
