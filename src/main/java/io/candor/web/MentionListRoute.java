package io.candor.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.candor.identity.PersonRef;
import io.candor.mention.MentionTracker;
import io.candor.mention.MentionView;
import io.candor.mention.Person;
import io.candor.mention.model.Mention;
import io.candor.mention.model.MentionState;
import io.candor.prompts.Prompts;
import io.candor.store.MentionStore;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/mentions?state=open&assignee=NAME&limit=N} (the mentions as
 * {@code candor mentions list --format json} shows them) and {@code POST …/assign}, for
 * tools; mounted behind the webhook's bearer token.
 */
final class MentionListRoute {
    private MentionListRoute() {
    }

    static void list(HttpExchange ex, MentionTracker tracker, Prompts prompts) throws IOException {
        Map<String, String> q;
        try {
            q = query(ex.getRequestURI().getRawQuery());
        } catch (IllegalArgumentException e) { // a broken %-escape
            Http.error(ex, 400, say(prompts, "web.unknown-query", Map.of("name", ex.getRequestURI().getRawQuery())), null);
            return;
        }
        for (String k : q.keySet()) {
            if (!List.of("state", "assignee", "limit").contains(k)) {
                Http.error(ex, 400, say(prompts, "web.unknown-query", Map.of("name", k)), k);
                return;
            }
        }
        String stateName = q.getOrDefault("state", "open");
        Optional<List<MentionState>> states = MentionView.states(stateName);
        if (states.isEmpty()) {
            Http.error(ex, 400, say(prompts, "web.bad-state", Map.of("value", stateName)), "state");
            return;
        }
        int limit;
        try {
            limit = Integer.parseInt(q.getOrDefault("limit", "1000").strip());
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > MentionsWebhook.LIST_MAX) {
            Http.error(ex, 400, say(prompts, "web.bad-limit", Map.of("max", MentionsWebhook.LIST_MAX)), "limit");
            return;
        }
        MentionStore.Whose whose = MentionStore.Whose.ANYONE;
        if (q.containsKey("assignee")) {
            String a = q.get("assignee").strip();
            if (a.isEmpty() || a.equalsIgnoreCase("nobody")) {
                whose = MentionStore.Whose.NOBODY;
            } else {
                whose = MentionStore.Whose.of(tracker.people().assigneeFor(a).orElseGet(() -> PersonRef.parse(a)));
            }
        }
        List<Mention> found = tracker.store().listed(states.get(), whose, limit + 1);
        ObjectNode out = Http.JSON.createObjectNode();
        out.put("state", stateName);
        out.put("count", Math.min(found.size(), limit));
        out.put("truncated", found.size() > limit);
        ArrayNode arr = out.putArray("mentions");
        found.stream().limit(limit).forEach(m -> arr.add(MentionView.json(m)));
        Http.send(ex, 200, out);
    }

    static void assign(HttpExchange ex, MentionTracker tracker, Prompts prompts, Optional<Mention> mention, int maxBody)
            throws IOException {
        byte[] body = Http.body(ex, maxBody);
        if (mention.isEmpty()) {
            Http.error(ex, 404, say(prompts, "web.not-found", Map.of("id", ex.getRequestURI().getPath())), "id");
            return;
        }
        if (body == null) {
            ex.getResponseHeaders().set("Connection", "close");
            Http.error(ex, 413, say(prompts, "web.too-large", Map.of("max", maxBody)), null);
            return;
        }
        JsonNode n;
        try {
            n = body.length == 0 ? Http.JSON.createObjectNode() : Http.JSON.readTree(Http.utf8(body));
        } catch (JsonProcessingException e) {
            Http.error(ex, 400, say(prompts, "web.bad-json", Map.of("why", e.getOriginalMessage())), null);
            return;
        }
        String person = n == null ? "" : n.path("assignee").asText("").strip();
        if (person.isEmpty()) {
            Http.error(ex, 400, say(prompts, "web.assignee-missing", Map.of()), "assignee");
            return;
        }
        Optional<Mention> m = tracker.assignBy(mention.get().id(), person, "webhook");
        if (m.isEmpty()) {
            List<String> names = tracker.people().all().stream().map(Person::name).toList();
            Http.error(ex, 400, say(prompts, "web.unknown-person", Map.of("name", person,
                    "known", names.isEmpty() ? "-" : String.join(", ", names))), "assignee");
            return;
        }
        Http.send(ex, 200, MentionView.json(m.get()));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    private static String say(Prompts prompts, String key, Map<String, ?> vars) {
        return prompts.render("mentions:" + key, vars);
    }
}
