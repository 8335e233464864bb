package io.candor.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.candor.fault.StorageFailure;
import io.candor.identity.PersonRef;
import io.candor.mention.BadMention;
import io.candor.mention.IngestQueue;
import io.candor.mention.MentionInput;
import io.candor.mention.MentionTracker;
import io.candor.mention.model.Ingested;
import io.candor.mention.model.Mention;
import io.candor.mention.model.NewMention;
import io.candor.prompts.Prompts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/mentions} (one mention or a list) and
 * {@code POST /api/mentions/{id}/answered}, for social listening tools. Every request needs
 * {@code Authorization: Bearer $CANDOR_WEBHOOK_TOKEN}. A batch is all or nothing: a bad
 * item is named and nothing is stored; a good one is committed before the answer goes
 * out, so a 2xx always means "it is in the database".
 */
public final class MentionsWebhook implements HttpHandler, AutoCloseable {
    public static final String PATH = "/api/mentions";
    private static final Logger LOG = LoggerFactory.getLogger(MentionsWebhook.class);
    private static final Pattern ANSWERED = Pattern.compile("/api/mentions/([^/]+)/answered/?");
    /** The listening tool's own id: /api/mentions/{platform}/{source-id}/answered|assign (the id URL-encoded). */
    private static final Pattern BY_SOURCE = Pattern.compile("/api/mentions/([a-z0-9_-]{1,32})/([^/]+)/(answered|assign)/?");
    private static final Pattern ASSIGN = Pattern.compile("/api/mentions/(\\d{1,18})/assign/?");
    /** Most mentions one GET returns. */
    static final int LIST_MAX = 10_000;
    private static final com.fasterxml.jackson.databind.ObjectReader READER = Http.JSON.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final byte[] tokenHash;
    private final MentionTracker tracker;
    private final IngestQueue queue;
    private final MentionInput input;
    private final Prompts prompts;
    private final Clock clock;
    private final int maxBody;
    private final java.util.concurrent.atomic.AtomicLong lastOutageLog = new java.util.concurrent.atomic.AtomicLong();
    /** Seconds a client is told to wait after a 503: long enough for a disk to be freed or a lock released. */
    static final int RETRY_AFTER_SECONDS = 30;

    /** @param token the shared secret; empty turns the webhook off (every request gets 404) */
    public MentionsWebhook(Optional<String> token, MentionTracker tracker, MentionInput input, Prompts prompts,
                           Clock clock, int maxBody) {
        this.tokenHash = token.filter(t -> !t.isBlank()).map(MentionsWebhook::sha256).orElse(null);
        this.tracker = tracker;
        this.queue = new IngestQueue(tracker, "webhook");
        this.input = input;
        this.prompts = prompts;
        this.clock = clock;
        this.maxBody = maxBody;
    }

    /** Finishes writing what was accepted; call after the HTTP server stopped taking requests. */
    @Override
    public void close() {
        queue.close();
    }

    public boolean enabled() {
        return tokenHash != null;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            try {
                route(ex);
            } catch (StorageFailure e) {
                if (e.rejected()) {
                    Http.error(ex, 400, say("web.rejected", Map.of("why", e.reason())), null);
                    return;
                }
                long now = System.nanoTime();
                long last = lastOutageLog.get();
                // one line a minute at most: the log may be on the disk that is full
                if (last == 0 || now - last > 60_000_000_000L) {
                    lastOutageLog.set(now);
                    LOG.warn("mentions webhook: the database is not available ({}); answering 503 until it is", e.reason());
                }
                unavailable(ex, e.reason());
            } catch (IngestQueue.Closed e) {
                unavailable(ex, say("web.stopping", Map.of()));
            } catch (RuntimeException e) {
                // the class only: a message could quote the request
                LOG.error("mentions webhook failed: {}", e.getClass().getName());
                Http.error(ex, 500, say("web.failed", Map.of()), null);
            }
        }
    }

    /** 503 with a reason and when to try again: nothing of the request was stored. */
    private void unavailable(HttpExchange ex, String reason) throws IOException {
        ex.getResponseHeaders().set("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        Http.send(ex, 503, Http.JSON.createObjectNode().put("error", say("web.store-down", Map.of()))
                .put("reason", reason));
    }

    private void route(HttpExchange ex) throws IOException {
        if (tokenHash == null) {
            Http.error(ex, 404, say("web.off", Map.of()), null);
            return;
        }
        if (!authorized(ex.getRequestHeaders().getFirst("Authorization"))) {
            ex.getResponseHeaders().set("WWW-Authenticate", "Bearer");
            Http.error(ex, 401, say("web.unauthorized", Map.of()), null);
            return;
        }
        String path = ex.getRequestURI().getRawPath();
        boolean listPath = path.equals(PATH) || path.equals(PATH + "/");
        if (listPath && "GET".equals(ex.getRequestMethod())) {
            MentionListRoute.list(ex, tracker, prompts);
            return;
        }
        if (!"POST".equals(ex.getRequestMethod())) {
            ex.getResponseHeaders().set("Allow", listPath ? "GET, POST" : "POST");
            Http.error(ex, 405, say("web.method", Map.of("allowed", listPath ? "GET or POST" : "POST")), null);
            return;
        }
        Matcher answered = ANSWERED.matcher(path);
        Matcher bySource = BY_SOURCE.matcher(path);
        Matcher assign = ASSIGN.matcher(path);
        if (answered.matches()) {
            answered(ex, answered.group(1));
        } else if (assign.matches()) {
            MentionListRoute.assign(ex, tracker, prompts, tracker.store().find(Long.parseLong(assign.group(1))), maxBody);
        } else if (bySource.matches()) {
            String sourceId;
            try {
                sourceId = java.net.URLDecoder.decode(bySource.group(2).replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                Http.error(ex, 404, say("web.bad-id", Map.of("id", bySource.group(2))), "id");
                return;
            }
            Optional<Mention> m = tracker.store().findBySource(bySource.group(1), sourceId);
            if (m.isEmpty()) {
                Http.error(ex, 404, say("web.not-found-source", Map.of("platform", bySource.group(1), "id", sourceId)), "id");
            } else if (bySource.group(3).equals("assign")) {
                MentionListRoute.assign(ex, tracker, prompts, m, maxBody);
            } else {
                answered(ex, Long.toString(m.get().id()));
            }
        } else if (listPath) {
            ingest(ex);
        } else {
            Http.error(ex, 404, say("web.not-found", Map.of("id", path)), null);
        }
    }

    private void ingest(HttpExchange ex) throws IOException {
        byte[] body = Http.body(ex, maxBody);
        if (body == null) {
            ex.getResponseHeaders().set("Connection", "close");
            Http.error(ex, 413, say("web.too-large", Map.of("max", maxBody)), null);
            return;
        }
        JsonNode root;
        try {
            root = READER.readTree(Http.utf8(body));
        } catch (JsonProcessingException e) {
            Http.error(ex, 400, say("web.bad-json", Map.of("why", e.getOriginalMessage())), null);
            return;
        }
        if (root == null || root.isMissingNode()) {
            Http.error(ex, 400, say("web.bad-json", Map.of("why", "empty body")), null);
            return;
        }
        boolean list = root.isArray();
        if (list && root.isEmpty()) {
            Http.error(ex, 400, say("web.empty-list", Map.of()), null);
            return;
        }
        List<NewMention> batch = new ArrayList<>();
        int i = 0;
        for (JsonNode item : list ? root : List.of(root)) {
            try {
                batch.add(input.read(item, clock.instant()));
            } catch (BadMention e) {
                String why = list ? say("web.bad-item", Map.of("index", i, "why", e.getMessage())) : e.getMessage();
                Http.error(ex, 400, why, e.field());
                return;
            }
            i++;
        }
        List<Ingested> done = queue.ingest(batch);
        boolean anyNew = done.stream().anyMatch(Ingested::created);
        int status = anyNew ? 201 : 200;
        if (!list) {
            Http.send(ex, status, describe(done.get(0)));
            return;
        }
        ObjectNode out = Http.JSON.createObjectNode();
        out.put("created", done.stream().filter(Ingested::created).count());
        out.put("known", done.stream().filter(d -> !d.created()).count());
        ArrayNode arr = out.putArray("mentions");
        done.forEach(d -> arr.add(describe(d)));
        Http.send(ex, status, out);
    }

    private void answered(HttpExchange ex, String rawId) throws IOException {
        byte[] body = Http.body(ex, maxBody); // optionally the reply that was published: {"text", "author"?, "team"?}
        if (!rawId.matches("\\d{1,18}")) {
            Http.error(ex, 404, say("web.bad-id", Map.of("id", rawId)), "id");
            return;
        }
        if (body == null) {
            ex.getResponseHeaders().set("Connection", "close");
            Http.error(ex, 413, say("web.too-large", Map.of("max", maxBody)), null);
            return;
        }
        JsonNode reply;
        try {
            reply = body.length == 0 || Http.utf8(body).isBlank() ? null : READER.readTree(Http.utf8(body));
        } catch (JsonProcessingException e) {
            Http.error(ex, 400, say("web.bad-json", Map.of("why", e.getOriginalMessage())), null);
            return;
        }
        Optional<Mention> m = tracker.answeredBy(Long.parseLong(rawId), "webhook");
        if (m.isEmpty()) {
            Http.error(ex, 404, say("web.not-found", Map.of("id", rawId)), "id");
            return;
        }
        ObjectNode out = Http.JSON.createObjectNode().put("id", m.get().id()).put("state", m.get().state().id());
        if (answers != null && reply != null && reply.path("text").isTextual() && !reply.path("text").asText().isBlank()) {
            out.put("posted", answers.posted(m.get(), reply.path("text").asText(), reply.path("author").asText(""),
                    reply.path("team").asText("")));
        }
        Http.send(ex, 200, out);
    }

    /** Where answers that were published are remembered (the history); null: not remembered. */
    private volatile AnswerLog answers;

    /** The reply that answered a mention, as published: history keeps it as a post. */
    public interface AnswerLog {
        /** @return whether it was kept */
        boolean posted(Mention m, String text, String author, String team);
    }

    /** Keeps the text of each answer sent with {@code POST /api/mentions/{id}/answered} in {@code log}. */
    public MentionsWebhook recordAnswers(AnswerLog log) {
        this.answers = log;
        return this;
    }

    private static ObjectNode describe(Ingested d) {
        Mention m = d.mention();
        ObjectNode n = Http.JSON.createObjectNode();
        n.put("id", m.id()).put("platform", m.platform()).put("source_id", m.sourceId())
                .put("status", d.created() ? "created" : "known").put("state", m.state().id());
        n.put("assignee", m.assignee().map(PersonRef::key).orElse(null));
        return n;
    }

    /** Constant-time comparison of hashes: neither the token nor its length leaks through timing. */
    boolean authorized(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(tokenHash, sha256(header.substring(7).strip()));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String say(String key, Map<String, ?> vars) {
        return prompts.render("mentions:" + key, vars);
    }
}
