package io.dynamo.jaxrs.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo.core.base.ValueTooLargeException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class BoundedBodyTest {

    @Test
    void readsABodyUpToTheLimit() {
        assertThat(BoundedBody.read(new ByteArrayInputStream(new byte[100]), "100", 100)).hasSize(100);
        assertThat(BoundedBody.read(new ByteArrayInputStream(new byte[0]), null, 100)).isEmpty();
    }

    @Test
    void refusesADeclaredLengthOverTheLimitWithoutReading() {
        InputStream unread = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("must not be read");
            }
        };

        assertThatThrownBy(() -> BoundedBody.read(unread, "101", 100)).isInstanceOf(ValueTooLargeException.class)
                .hasMessageContaining("dynamo.max.value.bytes");
    }

    @Test
    void stopsReadingAnUndeclaredBodyOneByteOverTheLimit() {
        CountingEndless endless = new CountingEndless();

        assertThatThrownBy(() -> BoundedBody.read(endless, null, 100_000)).isInstanceOf(ValueTooLargeException.class);
        assertThat(endless.served).isEqualTo(100_001);
    }

    @Test
    void aBodyThatBreaksOffIsTheClientsFault() {
        InputStream brokenOff = new InputStream() {
            private int left = 10;

            @Override
            public int read() throws IOException {
                if (left-- > 0) {
                    return 'x';
                }
                throw new IOException("wrapped", new TimeoutException("no data for 30 s"));
            }
        };

        assertThatThrownBy(() -> BoundedBody.read(brokenOff, "100", 1000))
                .isInstanceOf(UnreadableBodyException.class)
                .hasMessageContaining("TimeoutException: no data for 30 s")
                .hasMessageContaining("after 10 bytes");
    }

    /** A body that never ends, counting what was taken from it. */
    private static final class CountingEndless extends InputStream {
        long served;

        @Override
        public int read() {
            served++;
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            served += len;
            return len;
        }
    }
}
