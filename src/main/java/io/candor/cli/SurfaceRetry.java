package io.candor.cli;

import io.candor.chat.Surface;
import io.candor.chat.SurfaceUnreachable;
import io.candor.prompts.Prompts;
import io.candor.remind.ChatRouter;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A chat surface that could not be reached at start, tried again until it connects. */
final class SurfaceRetry {
    static final Duration EVERY = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(SurfaceRetry.class);

    private SurfaceRetry() {
    }

    /** @return what stops the retries when serve shuts down */
    static AutoCloseable start(Surface s, ChatRouter router, PrintStream out, Prompts prompts) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "candor-retry-" + s.name());
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                s.start();
                router.add(s);
                out.println(prompts.render("mentions:serve.surface-back", Map.of("name", s.name())));
                timer.shutdown();
            } catch (SurfaceUnreachable e) {
                LOG.info("{}", e.getMessage()); // still away: one line, no stack trace
            } catch (Exception e) {
                // reached now, but refused (a token revoked meanwhile): say so and stop trying
                LOG.error("{}: {}", s.name(), e.getMessage());
                timer.shutdown();
            }
        }, EVERY.toSeconds(), EVERY.toSeconds(), TimeUnit.SECONDS);
        return timer::shutdownNow;
    }
}
