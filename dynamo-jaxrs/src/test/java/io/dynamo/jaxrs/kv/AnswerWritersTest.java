package io.dynamo.jaxrs.kv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AnswerWritersTest {

    /** Node threads hand answers over; a managed factory asked from them would give threads the wrong context. */
    @Test
    void everyWriterIsStartedByTheThreadThatBuildsThePoolAndNoneLater() throws Exception {
        Map<Thread, Thread> madeBy = new ConcurrentHashMap<>();
        ThreadFactory factory = r -> {
            Thread t = Executors.defaultThreadFactory().newThread(r);
            madeBy.put(t, Thread.currentThread());
            return t;
        };
        ThreadPoolExecutor pool = AnswerWriters.prestarted(factory);
        try {
            assertThat(madeBy).hasSize(AnswerWriters.THREADS);
            assertThat(madeBy.values()).containsOnly(Thread.currentThread());

            CountDownLatch written = new CountDownLatch(AnswerWriters.THREADS * 4);
            Thread node = new Thread(() -> {
                for (int i = 0; i < AnswerWriters.THREADS * 4; i++) {
                    pool.execute(written::countDown);
                }
            });
            node.start();
            node.join();
            assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(madeBy).hasSize(AnswerWriters.THREADS);
        } finally {
            pool.shutdownNow();
        }
    }
}
