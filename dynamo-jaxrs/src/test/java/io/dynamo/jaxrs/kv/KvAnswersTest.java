package io.dynamo.jaxrs.kv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.api.SiblingBody;
import io.dynamo.api.VersionsBody;
import io.dynamo.core.node.ReadResult;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.HybridTime;
import io.dynamo.core.version.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

class KvAnswersTest {
    private static final long T1 = 1_796_000_000_123L;
    private static final long T2 = 1_796_000_005_456L;

    @Test
    void siblingsCarryTheirOwnWriteTimesAndLastModifiedIsTheNewest() {
        ReadResult read = new ReadResult(List.of(value("a"), value("b")), Context.EMPTY,
                List.of(new HybridTime(T2, 0), new HybridTime(T1, 3)));

        KvAnswer answer = KvAnswers.read(read, false);

        assertThat(answer.status()).isEqualTo(300);
        assertThat(answer.lastModifiedMillis()).isEqualTo(T2);
        assertThat(((VersionsBody) answer.body()).siblings()).extracting(SiblingBody::lastModified)
                .containsExactly("2026-11-30T00:53:25.456Z", "2026-11-30T00:53:20.123Z");
    }

    /** A version stored before nodes kept times shows none; Last-Modified falls back to the context's newest time. */
    @Test
    void aVersionWithoutATimeShowsNone() {
        ReadResult read = new ReadResult(List.of(value("old")), Context.EMPTY);

        KvAnswer answer = KvAnswers.read(read, true);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(((VersionsBody) answer.body()).siblings()).extracting(SiblingBody::lastModified)
                .containsExactly((String) null);
        assertThat(answer.lastModifiedMillis()).isEqualTo(-1);
    }

    private static Value value(String text) {
        return Value.of(text.getBytes(UTF_8), "text/plain");
    }
}
