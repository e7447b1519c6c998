package io.dynamo.console.task;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs blocking cluster calls off the UI thread and hands results back on it. View models only use this, so that
 * tests can run them synchronously without a JavaFX toolkit.
 */
public interface BackgroundExecutor {
    /** Runs {@code work} in the background, then {@code done} or {@code failed} on the UI thread. */
    <T> void run(Callable<T> work, Consumer<? super T> done, Consumer<? super Exception> failed);

    /** Runs {@code action} on the UI thread (events arrive on the stream's thread). */
    void ui(Runnable action);
}
