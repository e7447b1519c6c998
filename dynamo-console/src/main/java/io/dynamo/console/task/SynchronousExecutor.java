package io.dynamo.console.task;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs everything at once on the calling thread: view model tests need no toolkit and no waiting. */
public final class SynchronousExecutor implements BackgroundExecutor {
    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> done, Consumer<? super Exception> failed) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            failed.accept(e);
            return;
        }
        done.accept(result);
    }

    @Override
    public void ui(Runnable action) {
        action.run();
    }
}
