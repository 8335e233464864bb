package io.candor.mention;

import io.candor.mention.model.Ingested;
import io.candor.mention.model.NewMention;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Group commit for the webhook: requests that arrive together are written in one
 * transaction, and each caller is answered only after that transaction committed. A commit
 * is the expensive part of taking a mention in (it must reach the file before we say
 * "201"), so sharing it between concurrent requests multiplies throughput without giving up
 * "acknowledged means stored". When a shared transaction fails, each request in it is
 * written again on its own, so one bad mention fails only the request that carried it.
 */
public final class IngestQueue implements AutoCloseable {
    private static final int MAX_GROUP = 1_000;

    private record Pending(List<NewMention> mentions, CompletableFuture<List<Ingested>> done) {
    }

    private final MentionTracker tracker;
    private final String actor;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closed;

    public IngestQueue(MentionTracker tracker, String actor) {
        this.tracker = tracker;
        this.actor = actor;
        this.writer = new Thread(this::writeLoop, "candor-ingest");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Takes the mentions in, all or nothing; returns once they are committed. */
    public List<Ingested> ingest(List<NewMention> mentions) {
        if (closed) {
            throw new Closed("ingest queue closed");
        }
        CompletableFuture<List<Ingested>> f = new CompletableFuture<>();
        queue.add(new Pending(mentions, f));
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Closed("interrupted while storing mentions");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void writeLoop() {
        List<Pending> group = new ArrayList<>();
        while (!closed || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                int size = first.mentions().size();
                for (Pending p; size < MAX_GROUP && (p = queue.poll()) != null; ) {
                    group.add(p);
                    size += p.mentions().size();
                }
                write(group);
            } catch (InterruptedException e) {
                return;
            } finally {
                group.clear();
            }
        }
    }

    private void write(List<Pending> group) {
        List<NewMention> all = new ArrayList<>();
        group.forEach(p -> all.addAll(p.mentions()));
        List<Ingested> result;
        try {
            result = tracker.ingest(all, actor);
        } catch (RuntimeException e) {
            if (group.size() == 1) {
                group.get(0).done().completeExceptionally(e);
                return;
            }
            // the shared transaction rolled back whole: give each request its own, so a
            // value the database refuses fails only the request that sent it
            for (Pending p : group) {
                try {
                    p.done().complete(List.copyOf(tracker.ingest(p.mentions(), actor)));
                } catch (RuntimeException alone) {
                    p.done().completeExceptionally(alone);
                }
            }
            return;
        }
        int at = 0;
        for (Pending p : group) {
            int n = p.mentions().size();
            p.done().complete(List.copyOf(result.subList(at, at + n)));
            at += n;
        }
    }

    /** Candor is stopping: the mentions were not taken in. */
    public static final class Closed extends IllegalStateException {
        Closed(String message) {
            super(message);
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // a request that slipped in as the writer stopped is answered, not left waiting
        for (Pending p; (p = queue.poll()) != null; ) {
            p.done().completeExceptionally(new Closed("ingest queue closed"));
        }
    }
}
