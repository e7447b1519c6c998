package io.dynamo.infra.jgroups;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OutboxTest {
    /** Runs submitted tasks only when asked, so the test sees each turn. */
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private final List<Integer> sent = new ArrayList<>();

    private Outbox outbox(long maxBytes) {
        return new Outbox(frame -> sent.add(frame.length), tasks::add, maxBytes);
    }

    private void runAll() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            task.run();
        }
    }

    @Test
    void sendsInOrderFromOneTaskWhateverTheNumberOfOffers() {
        Outbox box = outbox(1_000);
        for (int size = 1; size <= 5; size++) {
            assertThat(box.offer(new byte[size], null)).isTrue();
        }

        assertThat(tasks).hasSize(1);
        assertThat(box.queuedBytes()).isEqualTo(15);
        runAll();
        assertThat(sent).containsExactly(1, 2, 3, 4, 5);
        assertThat(box.queuedBytes()).isZero();

        box.offer(new byte[6], null);
        assertThat(tasks).as("drained, so the next offer starts a new turn").hasSize(1);
        runAll();
        assertThat(sent).endsWith(6);
    }

    @Test
    void refusesFramesBeyondTheBoundButTakesAnOversizedOneWhenNothingWaits() {
        Outbox box = outbox(100);
        assertThat(box.offer(new byte[500], null)).as("nothing waits").isTrue();
        assertThat(box.offer(new byte[1], null)).as("500 bytes wait").isFalse();
        runAll();

        assertThat(box.offer(new byte[60], null)).isTrue();
        assertThat(box.offer(new byte[40], null)).isTrue();
        assertThat(box.offer(new byte[1], null)).isFalse();
        runAll();
        assertThat(sent).containsExactly(500, 60, 40);
    }

    @Test
    void aLongQueueIsSentInTurnsSoOtherTasksRunBetween() {
        Outbox box = outbox(1_000_000);
        int frames = Outbox.FRAMES_PER_TURN * 2 + 3;
        for (int i = 0; i < frames; i++) {
            box.offer(new byte[1], null);
        }

        tasks.poll().run();
        assertThat(sent).hasSize(Outbox.FRAMES_PER_TURN);
        assertThat(tasks).as("the rest waits for another turn").hasSize(1);
        runAll();
        assertThat(sent).hasSize(frames);
    }

    @Test
    void aFailedSendIsReportedToItsSenderAndTheNextFramesStillGo() {
        List<Exception> failures = new ArrayList<>();
        Outbox box = new Outbox(frame -> {
            if (frame.length == 2) {
                throw new IOException("connection reset");
            }
            sent.add(frame.length);
        }, tasks::add, 1_000);
        box.offer(new byte[1], failures::add);
        box.offer(new byte[2], failures::add);
        box.offer(new byte[3], null);
        runAll();

        assertThat(sent).containsExactly(1, 3);
        assertThat(failures).singleElement().extracting(Exception::getMessage).isEqualTo("connection reset");
    }

    @Test
    void closingHandsBackTheUnsentAndRefusesMore() {
        Outbox box = outbox(1_000);
        List<Exception> failures = new ArrayList<>();
        box.offer(new byte[1], failures::add);
        box.offer(new byte[2], null);

        assertThat(box.close()).hasSize(1); // only frames with a callback
        assertThat(box.offer(new byte[3], failures::add)).isFalse();
        runAll();
        assertThat(sent).isEmpty();
    }

    @Test
    void aBlockedSendHoldsOneThreadWhileOtherOutboxesGoOn() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch release = new CountDownLatch(1);
            AtomicInteger blockedSends = new AtomicInteger();
            Outbox frozen = new Outbox(frame -> {
                blockedSends.incrementAndGet();
                release.await();
            }, pool, 1_000_000);
            CountDownLatch otherSent = new CountDownLatch(10);
            Outbox healthy = new Outbox(frame -> otherSent.countDown(), pool, 1_000_000);

            for (int i = 0; i < 10; i++) {
                frozen.offer(new byte[1], null);
            }
            // The frozen outbox's first send must hold its thread before the healthy one starts: the pool may run
            // the healthy drain first otherwise, and nothing would be blocked yet.
            TestNode.await(() -> blockedSends.get() > 0, Duration.ofSeconds(5), () -> "a send to the frozen peer");
            for (int i = 0; i < 10; i++) {
                healthy.offer(new byte[1], null);
            }

            assertThat(otherSent.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(blockedSends.get()).isEqualTo(1);
            assertThat(frozen.queuedBytes()).isEqualTo(9);
            release.countDown();
        } finally {
            pool.shutdownNow();
        }
    }
}
