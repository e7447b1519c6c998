package io.dynamo.jaxrs.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class VerifiedCredentialsTest {
    private long now = 1_000;
    private final VerifiedCredentials verified = new VerifiedCredentials(() -> now);

    @Test
    void aHeaderAcceptedOnceIsKnownWithItsGroupsForAMinute() {
        verified.remember("Basic Y2xpZW50OnNlY3JldA==", Set.of("client"));
        assertThat(verified.groups("Basic Y2xpZW50OnNlY3JldA==")).hasValue(Set.of("client"));
        now += VerifiedCredentials.LIFETIME_MILLIS - 1;
        assertThat(verified.groups("Basic Y2xpZW50OnNlY3JldA==")).isPresent();
        now += 1;
        assertThat(verified.groups("Basic Y2xpZW50OnNlY3JldA==")).as("checked against the stores again").isEmpty();
        assertThat(verified.size()).isZero();
    }

    @Test
    void anyOtherHeaderIsUnknown() {
        verified.remember("Basic Y2xpZW50OnNlY3JldA==", Set.of("client"));
        assertThat(verified.groups("Basic Y2xpZW50OnNlY3JldB==")).isEmpty();
        assertThat(verified.groups("basic Y2xpZW50OnNlY3JldA==")).isEmpty();
        assertThat(verified.groups("")).isEmpty();
    }

    @Test
    void theNumberOfHeadersKeptIsBounded() {
        for (int i = 0; i <= VerifiedCredentials.MAX_ENTRIES; i++) {
            verified.remember("Basic user" + i, Set.of("client"));
        }
        assertThat(verified.size()).isLessThanOrEqualTo(VerifiedCredentials.MAX_ENTRIES);
        assertThat(verified.groups("Basic user" + VerifiedCredentials.MAX_ENTRIES)).isPresent();
    }
}
