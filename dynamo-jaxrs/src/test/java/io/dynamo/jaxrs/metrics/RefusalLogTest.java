package io.dynamo.jaxrs.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RefusalLogTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final List<String> lines = new ArrayList<>();
    private final RefusalLog log = new RefusalLog(10_000, now::get, lines::add);

    @Test
    void theFirstRefusalIsLoggedAtOnceAndTheRestOfThePeriodOnlyCounted() {
        log.refused(503, "insufficient_replicas", "needed 2 replicas but 1 answered for key k1");
        for (int i = 0; i < 999; i++) {
            now.addAndGet(5);
            log.refused(503, "insufficient_replicas", "needed 2 replicas but 1 answered for key k" + i);
        }
        assertThat(lines).containsExactly(
                "refused a request with 503 insufficient_replicas: needed 2 replicas but 1 answered for key k1");

        now.addAndGet(5_005); // 10 s after the first line
        log.refused(503, "insufficient_replicas", "needed 2 replicas but 0 answered for key last");
        assertThat(lines).hasSize(2).last().isEqualTo("refused 1000 requests with 503 insufficient_replicas in the last"
                + " 10 s; the latest: needed 2 replicas but 0 answered for key last");
    }

    @Test
    void eachKindHasItsOwnPeriod() {
        log.refused(503, "insufficient_replicas", "a");
        log.refused(503, "node_unreachable", "b");
        log.refused(503, "insufficient_replicas", "c");
        log.refused(502, "remote_refused", "d");
        assertThat(lines).containsExactly("refused a request with 503 insufficient_replicas: a",
                "refused a request with 503 node_unreachable: b", "refused a request with 502 remote_refused: d");
    }

    @Test
    void aLoneRefusalAfterAQuietPeriodIsLoggedAsOne() {
        log.refused(503, "ring_unknown", "first");
        now.addAndGet(60_000);
        log.refused(503, "ring_unknown", "again");
        assertThat(lines).containsExactly("refused a request with 503 ring_unknown: first",
                "refused a request with 503 ring_unknown: again");
    }
}
