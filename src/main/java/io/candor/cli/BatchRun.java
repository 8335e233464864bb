package io.candor.cli;

import io.candor.platform.Platform;
import io.candor.prompts.Prompts;
import io.candor.render.ReviewJson;
import io.candor.render.ReviewText;
import io.candor.review.Draft;
import io.candor.review.DraftReviewer;
import io.candor.review.Finding;
import io.candor.review.Review;
import io.candor.review.Severity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Reviews a JSONL file in one JVM and answers in input order. A bad line gets an
 * {@code {"id", "error"}} line of its own and the rest still runs; the exit code is then 2.
 * Lines are streamed, so a file of any size needs memory for a window of lines only. A
 * reviewer that remembers nothing ({@link #parallel}) reviews the lines of the window on
 * every core; one that remembers each line (history) reviews them one after the other, since
 * each line is compared with the lines before it.
 */
final class BatchRun {
    private final DraftReviewer reviewer;
    private final Prompts prompts;
    private final int maxChars;
    private final ReviewCommand.Format format;
    private final PrintWriter out;
    private final List<Platform> defaultPlatforms;
    private final String defaultAuthor;
    private final String defaultTeam;
    private Severity worst;
    private io.candor.review.DraftKind defaultKind;
    private boolean defaultThread;
    private int bad;
    /** Lines read ahead of the one written, per core, when lines are reviewed side by side. */
    private static final int WINDOW_PER_CORE = 64;
    /** Lines read, in input order, not yet written: an error to say, or a review under way. */
    private final java.util.ArrayDeque<Object> pending = new java.util.ArrayDeque<>();
    private java.util.concurrent.ExecutorService workers;
    private int window = 1;

    /** A bad line, said in its turn. */
    private record Failed(Object id, int lineNo, String message) {
    }

    /** A line reviewed and rendered. */
    private record Done(Review review, String rendered) {
    }

    BatchRun(DraftReviewer reviewer, Prompts prompts, int maxChars, ReviewCommand.Format format, PrintWriter out,
             List<Platform> defaultPlatforms, String defaultAuthor, String defaultTeam) {
        this.defaultAuthor = defaultAuthor;
        this.defaultTeam = defaultTeam;
        this.reviewer = reviewer;
        this.prompts = prompts;
        this.maxChars = maxChars;
        this.format = format;
        this.out = out;
        this.defaultPlatforms = defaultPlatforms;
    }

    /** What a line is when it does not say: the command line's --kind and --thread. */
    void defaults(io.candor.review.DraftKind kind, boolean thread) {
        this.defaultKind = kind;
        this.defaultThread = thread;
    }

    /**
     * Reviews lines side by side on every core: only for a reviewer that keeps nothing between
     * lines (no history remembered), whose answer to a line does not depend on the lines before.
     */
    void parallel() {
        int cores = Runtime.getRuntime().availableProcessors();
        if (cores > 1) {
            workers = java.util.concurrent.Executors.newFixedThreadPool(cores, r -> {
                Thread t = new Thread(r, "candor-batch");
                t.setDaemon(true);
                return t;
            });
            window = cores * WINDOW_PER_CORE;
        }
    }

    void run(Path file) {
        try {
            read(file);
            while (!pending.isEmpty()) {
                writeOldest();
            }
        } finally {
            if (workers != null) {
                workers.shutdownNow();
            }
        }
    }

    private void read(Path file) {
        try (InputStream in = file.toString().equals("-") ? System.in : Files.newInputStream(file)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(512);
            byte[] buf = new byte[1 << 16];
            int lineNo = 0;
            for (int n; (n = in.read(buf)) > 0; ) {
                int from = 0;
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        line.write(buf, from, i - from);
                        one(line.toByteArray(), ++lineNo);
                        line.reset();
                        from = i + 1;
                    }
                }
                line.write(buf, from, n - from);
            }
            if (line.size() > 0) {
                one(line.toByteArray(), ++lineNo);
            }
        } catch (IOException e) {
            throw new UserError(prompts.render("cli:file-missing",
                    Map.of("path", file.toString(), "why", ReviewCommand.reason(e))));
        }
    }

    Severity worst() {
        return worst;
    }

    /** Lines that got an error instead of a review. */
    int badLines() {
        return bad;
    }

    /** One line: its review is under way, or its error waits its turn. */
    private void one(byte[] bytes, int lineNo) {
        try {
            Optional<BatchLine> line = BatchLine.read(bytes, lineNo, prompts);
            if (line.isPresent()) {
                Object id = line.get().idValue();
                Draft d = line.get().draft(defaults(), prompts, maxChars, lineNo);
                enqueue(workers == null ? CompletableFuture.completedFuture(review(d, id, lineNo))
                        : workers.submit(() -> review(d, id, lineNo)));
            }
        } catch (BatchLine.Bad e) {
            error(e.id(), lineNo, e.getMessage());
        }
    }

    private BatchLine.Defaults defaults() {
        return new BatchLine.Defaults(defaultPlatforms, defaultKind, defaultThread, defaultAuthor, defaultTeam);
    }

    private void error(Object id, int lineNo, String message) {
        enqueue(new Failed(id, lineNo, message));
    }

    private void enqueue(Object line) {
        pending.addLast(line);
        while (pending.size() > window) {
            writeOldest();
        }
    }

    @SuppressWarnings("unchecked")
    private void writeOldest() {
        Object line = pending.removeFirst();
        if (line instanceof Failed f) {
            say(f.id(), f.lineNo(), f.message());
            return;
        }
        Done done;
        try {
            done = ((java.util.concurrent.Future<Done>) line).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reviewing a batch", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        for (Finding f : done.review().findings()) {
            if (worst == null || f.severity().compareTo(worst) > 0) {
                worst = f.severity();
            }
        }
        out.println(done.rendered());
    }

    private Done review(Draft draft, Object id, int lineNo) {
        Review r = reviewer.review(draft);
        if (format == ReviewCommand.Format.json) {
            return new Done(r, LoneSurrogates.inJson(ReviewJson.toJson(id, r).toString()));
        }
        return new Done(r, "== " + (id == null ? "line " + lineNo : LoneSurrogates.inText(String.valueOf(id)))
                + System.lineSeparator() + LoneSurrogates.inText(ReviewText.render(r, prompts)));
    }

    private void say(Object id, int lineNo, String message) {
        bad++;
        if (format == ReviewCommand.Format.json) {
            out.println(LoneSurrogates.inJson(ReviewJson.error(id, message).toString()));
        } else {
            out.println("== " + (id == null ? "line " + lineNo : LoneSurrogates.inText(String.valueOf(id))));
            out.println(message);
            out.println();
        }
        System.err.println("candor: " + message);
    }
}
