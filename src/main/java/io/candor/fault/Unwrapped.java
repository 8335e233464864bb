package io.candor.fault;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Work done on another thread fails as itself: CompletableFuture and parallel streams wrap
 * what a task threw in a CompletionException, and a store that is gone or a rule file with a
 * typo must still reach the user as that failure, with its own message.
 */
public final class Unwrapped {
    private Unwrapped() {
    }

    /** The task's result, or what it threw. */
    public static <T> T join(CompletableFuture<T> task) {
        try {
            return task.join();
        } catch (CompletionException e) {
            throw cause(e);
        }
    }

    /** What the task threw, when it was a RuntimeException; else the wrapper itself. */
    public static RuntimeException cause(CompletionException e) {
        return e.getCause() instanceof RuntimeException r ? r : e;
    }
}
