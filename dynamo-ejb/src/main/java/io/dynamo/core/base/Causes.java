package io.dynamo.core.base;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** The failure itself behind the wrappers that futures put around it. */
public final class Causes {
    private Causes() {
    }

    /** Strips {@link CompletionException} and {@link ExecutionException} layers. */
    public static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }
}
