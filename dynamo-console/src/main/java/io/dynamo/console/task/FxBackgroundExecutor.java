package io.dynamo.console.task;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;

/** Background threads for the work, {@link Platform#runLater} for the results. */
public final class FxBackgroundExecutor implements BackgroundExecutor, AutoCloseable {
    private final ExecutorService workers = Executors.newFixedThreadPool(4, r -> {
        Thread thread = new Thread(r, "dynamo-console-worker");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> done, Consumer<? super Exception> failed) {
        workers.execute(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> done.accept(result));
            } catch (Exception e) {
                Platform.runLater(() -> failed.accept(e));
            }
        });
    }

    @Override
    public void ui(Runnable action) {
        Platform.runLater(action);
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
