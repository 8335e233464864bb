package io.candor.network;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Mastodon instance on loopback, written from Mastodon's REST API documentation, with the
 * calls a read-only client needs: {@code GET /api/v1/apps/verify_credentials} (the Application,
 * with its {@code scopes}), {@code GET /api/v1/accounts/verify_credentials},
 * {@code GET /api/v1/notifications} ({@code types[]}, {@code limit} up to 80, {@code max_id},
 * {@code since_id}, {@code min_id}, a {@code Link} header) and
 * {@code GET /api/v1/accounts/:id/statuses} (the same paging, {@code limit} up to 40). A wrong
 * bearer token gets 401. Everything else is 404, and recorded like every request.
 */
public final class MastodonStandIn extends StandIn {
    public static final String TOKEN = "mastodon-stand-in-token";
    public static final String ACCOUNT_ID = "109000000000000001";
    public static final String USERNAME = "team";
    private static final Pattern STATUSES = Pattern.compile("/api/v1/accounts/([^/]+)/statuses");

    private final AtomicLong ids = new AtomicLong(110_000_000_000_000_000L);
    private final NavigableMap<Long, ObjectNode> notifications = new ConcurrentSkipListMap<>();
    private final NavigableMap<Long, ObjectNode> statuses = new ConcurrentSkipListMap<>();
    /** The token's scopes as apps/verify_credentials says them; null: an instance too old to say (404). */
    public volatile List<String> scopes = List.of("read:accounts", "read:notifications", "read:statuses");
    /** When set, each answer says this many requests remain until {@link #rateLimitReset}. */
    public volatile Integer rateLimitRemaining;
    public volatile Instant rateLimitReset;

    public MastodonStandIn() throws IOException {
        super();
    }

    public String host() {
        return "127.0.0.1";
    }

    // ── what the tests put on the instance ──

    /** Someone mentions the team; returns the status id (the mention's source id). */
    public String mention(String acct, String html, Instant at) {
        return notify("mention", status(acct, html, at, null, null), at);
    }

    /** Someone replies to one of the team's posts (a mention too, to Mastodon). */
    public String reply(String acct, String html, Instant at, String toStatus) {
        return notify("mention", status(acct, html, at, toStatus, ACCOUNT_ID), at);
    }

    /** Someone quotes one of the team's posts (Mastodon 4.5's quote notification). */
    public String quote(String acct, String html, Instant at) {
        return notify("quote", status(acct, html, at, null, null), at);
    }

    /** A notification whose status was deleted: Mastodon sends it without a status. */
    public String deletedMention(String acct, Instant at) {
        ObjectNode n = notification("mention", at, account(acct));
        long id = Long.parseLong(n.path("id").asText());
        notifications.put(id, n);
        return n.path("id").asText();
    }

    /** Any notification as given (a malformed one). */
    public String raw(ObjectNode n) {
        long id = ids.incrementAndGet();
        n.put("id", Long.toString(id));
        notifications.put(id, n);
        return Long.toString(id);
    }

    /** A like: a notification of a type Candor does not ask for. */
    public void favourite(String acct, Instant at) {
        ObjectNode n = notification("favourite", at, account(acct));
        n.set("status", status(USERNAME, "<p>our post</p>", at, null, null));
        notifications.put(Long.parseLong(n.path("id").asText()), n);
    }

    /** The team's own account posts; a reply when {@code inReplyTo} is a status id. Returns its id. */
    public String teamPost(String html, Instant at, String inReplyTo) {
        ObjectNode s = status(USERNAME, html, at, inReplyTo, inReplyTo == null ? null : "109999");
        statuses.put(Long.parseLong(s.path("id").asText()), s);
        return s.path("id").asText();
    }

    /** Someone else's reply to a mention: it is not the team's, so it closes nothing. */
    public String strangerReply(String acct, String html, Instant at, String inReplyTo) {
        return notify("mention", status(acct, html, at, inReplyTo, "109999"), at);
    }

    public int notificationCount() {
        return notifications.size();
    }

    // ── the API ──

    @Override
    protected Reply answer(Request r, byte[] body) {
        if (!r.method().equals("GET")) {
            return new Reply(404, Map.of("error", "Record not found"), Map.of());
        }
        if (!r.path().startsWith("/api/v1/")) {
            return new Reply(404, Map.of("error", "Record not found"), Map.of());
        }
        if (!TOKEN.equals(r.bearer())) {
            return new Reply(401, Map.of("error", "The access token is invalid"), Map.of());
        }
        Matcher own = STATUSES.matcher(r.path());
        return switch (r.path()) {
            case "/api/v1/apps/verify_credentials" -> scopes == null
                    ? new Reply(404, Map.of("error", "Record not found"), Map.of())
                    : limited(Reply.ok(app()));
            case "/api/v1/accounts/verify_credentials" -> limited(Reply.ok(me()));
            case "/api/v1/notifications" -> limited(page(notifications, r, 40, 80, "/api/v1/notifications"));
            default -> own.matches() && own.group(1).equals(ACCOUNT_ID)
                    ? limited(page(statuses, r, 20, 40, r.path()))
                    : new Reply(404, Map.of("error", "Record not found"), Map.of());
        };
    }

    private Reply limited(Reply r) {
        Integer remaining = rateLimitRemaining;
        if (remaining == null) {
            return r;
        }
        Map<String, String> h = new LinkedHashMap<>(r.headers());
        h.put("X-RateLimit-Limit", "300");
        h.put("X-RateLimit-Remaining", Integer.toString(remaining));
        h.put("X-RateLimit-Reset", rateLimitReset.toString());
        return new Reply(r.status(), r.json(), h);
    }

    /**
     * A page as Mastodon pages: newest first; {@code max_id} older than, {@code since_id} newer
     * than (the newest ones), {@code min_id} newer than (the ones just after it); a Link header
     * with rel="next" (older) and rel="prev" (newer) when the page is not empty.
     */
    private Reply page(NavigableMap<Long, ObjectNode> all, Request r, int defaultLimit, int maxLimit, String path) {
        int limit = Math.min(maxLimit, r.param("limit") == null ? defaultLimit : Integer.parseInt(r.param("limit")));
        NavigableMap<Long, ObjectNode> range = all;
        if (r.param("max_id") != null) {
            range = range.headMap(Long.parseLong(r.param("max_id")), false);
        }
        if (r.param("since_id") != null) {
            range = range.tailMap(Long.parseLong(r.param("since_id")), false);
        }
        List<String> types = r.query().getOrDefault("types[]", List.of());
        List<ObjectNode> out = new ArrayList<>();
        if (r.param("min_id") != null) {
            for (ObjectNode n : range.tailMap(Long.parseLong(r.param("min_id")), false).values()) {
                if (out.size() == limit) {
                    break;
                }
                if (types.isEmpty() || types.contains(n.path("type").asText())) {
                    out.add(n);
                }
            }
            Collections.reverse(out);
        } else {
            for (ObjectNode n : range.descendingMap().values()) {
                if (out.size() == limit) {
                    break;
                }
                if (types.isEmpty() || types.contains(n.path("type").asText())) {
                    out.add(n);
                }
            }
        }
        ArrayNode arr = JSON.createArrayNode();
        out.forEach(arr::add);
        if (out.isEmpty()) {
            return Reply.ok(arr);
        }
        StringBuilder keep = new StringBuilder("limit=" + limit);
        types.forEach(t -> keep.append("&types%5B%5D=").append(t));
        String newest = out.get(0).path("id").asText();
        String oldest = out.get(out.size() - 1).path("id").asText();
        String link = "<" + url() + path + "?" + keep + "&max_id=" + oldest + ">; rel=\"next\", <" + url() + path + "?" + keep
                + "&min_id=" + newest + ">; rel=\"prev\"";
        return new Reply(200, arr, Map.of("Link", link));
    }

    private ObjectNode app() {
        ObjectNode a = JSON.createObjectNode().put("name", "Candor").putNull("website");
        ArrayNode s = a.putArray("scopes");
        scopes.forEach(s::add);
        a.putArray("redirect_uris").add("urn:ietf:wg:oauth:2.0:oob");
        return a;
    }

    private ObjectNode me() {
        return account(USERNAME).put("id", ACCOUNT_ID).put("note", "").put("followers_count", 12);
    }

    private String notify(String type, ObjectNode status, Instant at) {
        ObjectNode n = notification(type, at, (ObjectNode) status.get("account"));
        n.set("status", status);
        notifications.put(Long.parseLong(n.path("id").asText()), n);
        return status.path("id").asText();
    }

    private ObjectNode notification(String type, Instant at, ObjectNode account) {
        ObjectNode n = JSON.createObjectNode().put("id", Long.toString(ids.incrementAndGet())).put("type", type)
                .put("created_at", at.toString());
        n.set("account", account);
        return n;
    }

    private ObjectNode status(String acct, String html, Instant at, String inReplyToId, String inReplyToAccount) {
        String id = Long.toString(ids.incrementAndGet());
        ObjectNode s = JSON.createObjectNode().put("id", id).put("created_at", at.toString());
        if (inReplyToId == null) {
            s.putNull("in_reply_to_id").putNull("in_reply_to_account_id");
        } else {
            s.put("in_reply_to_id", inReplyToId).put("in_reply_to_account_id", inReplyToAccount);
        }
        String user = acct.contains("@") ? acct.substring(0, acct.indexOf('@')) : acct;
        String home = acct.contains("@") ? acct.substring(acct.indexOf('@') + 1) : host();
        s.put("sensitive", false).put("spoiler_text", "").put("visibility", "public").put("language", "en")
                .put("uri", "https://" + home + "/users/" + user + "/statuses/" + id)
                .put("url", "https://" + home + "/@" + user + "/" + id)
                .put("replies_count", 0).put("reblogs_count", 0).put("favourites_count", 0)
                .put("content", html).putNull("reblog");
        s.set("account", account(acct));
        s.putArray("media_attachments");
        s.putArray("mentions");
        s.putArray("tags");
        s.putArray("emojis");
        return s;
    }

    private ObjectNode account(String acct) {
        String user = acct.contains("@") ? acct.substring(0, acct.indexOf('@')) : acct;
        String home = acct.contains("@") ? acct.substring(acct.indexOf('@') + 1) : host();
        return JSON.createObjectNode().put("id", Integer.toString(Math.abs(acct.hashCode()))).put("username", user)
                .put("acct", acct).put("display_name", user).put("locked", false).put("bot", false)
                .put("url", "https://" + home + "/@" + user).put("avatar", "https://" + home + "/avatar.png");
    }
}
