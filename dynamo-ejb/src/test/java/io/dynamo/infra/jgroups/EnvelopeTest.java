package io.dynamo.infra.jgroups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EnvelopeTest {

    @Test
    void frameRoundTripsInsideALargerBuffer() {
        byte[] frame = Envelope.frame(Envelope.REPLY, Long.MAX_VALUE - 3, new byte[] {7, 8, 9});
        byte[] buffer = new byte[frame.length + 5];
        System.arraycopy(frame, 0, buffer, 2, frame.length);

        Envelope e = Envelope.parse(buffer, 2, frame.length);

        assertThat(e.kind()).isEqualTo(Envelope.REPLY);
        assertThat(e.id()).isEqualTo(Long.MAX_VALUE - 3);
        assertThat(e.body()).containsExactly(7, 8, 9);
    }

    @Test
    void failureCarriesItsReason() {
        byte[] frame = Envelope.failure(12, "node b is not ready – yet");
        Envelope e = Envelope.parse(frame, 0, frame.length);
        assertThat(e.kind()).isEqualTo(Envelope.FAILURE);
        assertThat(e.reason()).isEqualTo("node b is not ready – yet");
    }

    @Test
    void foreignBytesAreRejected() {
        assertThatThrownBy(() -> Envelope.parse(new byte[] {1, 2}, 0, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Envelope.parse(new byte[9], 0, 9)).hasMessageContaining("unknown frame kind 0");
        assertThatThrownBy(() -> Envelope.parse(null, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
