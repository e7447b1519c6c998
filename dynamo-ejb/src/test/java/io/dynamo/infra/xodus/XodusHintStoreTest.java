package io.dynamo.infra.xodus;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.core.base.Key;
import io.dynamo.core.handoff.HintQueue;
import io.dynamo.core.handoff.HintStore;
import io.dynamo.core.handoff.HintStoreContract;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.Dot;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.core.version.Value;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XodusHintStoreTest extends HintStoreContract {
    @TempDir
    Path dir;

    @Override
    protected HintStore create() {
        return XodusHintStore.open(dir, Duration.ZERO);
    }

    @Override
    protected HintStore reopen(HintStore closed) {
        closed.close();
        return XodusHintStore.open(dir, Duration.ZERO);
    }

    /** The console's event stream and the metrics ask for the queues every second: that must not scan the hints. */
    @Test
    void queueStatisticsCostTheSameStoreReadsForTenHintsAsForAThousand() {
        XodusHintStore store = (XodusHintStore) hints;
        queue(store, 0, 10);
        long few = readsFor(store);
        queue(store, 10, 1000);
        long many = readsFor(store);
        assertThat(many).as("store reads for the queues of 1000 hints").isEqualTo(few).isLessThanOrEqualTo(2);
        assertThat(store.queues()).extracting(HintQueue::count).containsExactlyInAnyOrder(500L, 500L);
    }

    private static void queue(XodusHintStore store, int from, int to) {
        for (int i = from; i < to; i++) {
            SiblingSet v = SiblingSet.EMPTY.put(Context.EMPTY, new Dot("n1", i + 1), Value.of(new byte[100], null),
                    i, 10);
            store.add(i % 2 == 0 ? "n3" : "n4", Key.of("k" + i), v, i);
        }
    }

    private static long readsFor(XodusHintStore store) {
        long before = store.reads();
        store.targets();
        store.queues();
        return store.reads() - before;
    }
}
