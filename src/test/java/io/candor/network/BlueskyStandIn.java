package io.candor.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Bluesky PDS on loopback, written from the AT Protocol's XRPC documentation, with the calls
 * a read-only client needs: {@code com.atproto.server.createSession} (handle and app password;
 * 401 AuthenticationRequired otherwise), {@code com.atproto.server.refreshSession} (with the
 * refresh token; 400 ExpiredToken once it expired), {@code app.bsky.notification.listNotifications}
 * ({@code limit} up to 100, {@code cursor}, {@code reasons}) and {@code app.bsky.feed.getAuthorFeed}
 * ({@code actor}, {@code filter}, {@code limit}, {@code cursor}), both newest first. An expired
 * access token gets 400 ExpiredToken. Everything else is 404 (XRPC MethodNotImplemented), and
 * recorded like every request.
 */
public final class BlueskyStandIn extends StandIn {
    public static final String HANDLE = "team.bsky.social";
    public static final String DID = "did:plc:teamteamteamteamteam1234";
    public static final String APP_PASSWORD = "abcd-efgh-ijkl-mnop";

    private final AtomicLong seq = new AtomicLong();
    /** Notifications and the team's feed by a sequence number that grows with indexedAt: a later one is newer. */
    private final NavigableMap<Long, ObjectNode> notifications = new ConcurrentSkipListMap<>();
    private final NavigableMap<Long, ObjectNode> feed = new ConcurrentSkipListMap<>();
    private final Set<String> access = ConcurrentHashMap.newKeySet();
    private final Set<String> refresh = ConcurrentHashMap.newKeySet();
    private final AtomicLong tokens = new AtomicLong();
    /** When set, answers carry RateLimit-* headers saying this many requests remain until the reset. */
    public volatile Integer rateLimitRemaining;
    public volatile Instant rateLimitReset;

    public BlueskyStandIn() throws IOException {
        super();
    }

    // ── what the tests put on the network ──

    /** Someone mentions the team; returns the post's at:// URI (the mention's source id). */
    public String mention(String handle, String text, Instant at) {
        return notify("mention", handle, post(text, at, null), at, JSON.createObjectNode());
    }

    /** Someone replies to one of the team's posts. */
    public String reply(String handle, String text, Instant at, String toUri) {
        return notify("reply", handle, post(text, at, toUri), at, JSON.createObjectNode());
    }

    /** Someone quotes one of the team's posts. */
    public String quote(String handle, String text, Instant at) {
        return notify("quote", handle, post(text, at, null), at, JSON.createObjectNode());
    }

    /** A mention from someone the team blocks (the author's viewer state says so). */
    public String blockedMention(String handle, String text, Instant at) {
        ObjectNode viewer = JSON.createObjectNode().put("blockedBy", false)
                .put("blocking", "at://" + DID + "/app.bsky.graph.block/3kblock");
        return notify("mention", handle, post(text, at, null), at, viewer);
    }

    /** A mention whose author is missing (an account gone between indexing and listing). */
    public String authorlessMention(String text, Instant at) {
        String uri = notify("mention", "gone.bsky.social", post(text, at, null), at, JSON.createObjectNode());
        notifications.lastEntry().getValue().remove("author");
        return uri;
    }

    /** A mention whose text links with a facet, the text showing the link shortened as apps do. */
    public String mentionWithLink(String handle, String shown, String uri, Instant at) {
        ObjectNode record = post("see " + shown + " please", at, null);
        int start = "see ".getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        int end = start + shown.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        ObjectNode facet = record.putArray("facets").addObject();
        facet.putObject("index").put("byteStart", start).put("byteEnd", end);
        facet.putArray("features").addObject().put("$type", "app.bsky.richtext.facet#link").put("uri", uri);
        return notify("mention", handle, record, at, JSON.createObjectNode());
    }

    /** A like: listed, but not a kind Candor takes in. */
    public void like(String handle, Instant at) {
        notify("like", handle, JSON.createObjectNode().put("$type", "app.bsky.feed.like").put("createdAt", at.toString()),
                at, JSON.createObjectNode());
    }

    /** The team posts; a reply when {@code parentUri} is set (the parent shown as deleted when {@code parentGone}). */
    public String teamPost(String text, Instant at, String parentUri, boolean parentGone) {
        String uri = "at://" + DID + "/app.bsky.feed.post/" + rkey();
        ObjectNode item = JSON.createObjectNode();
        ObjectNode post = item.putObject("post").put("uri", uri).put("cid", "bafy" + seq.get()).put("indexedAt", at.toString());
        post.putObject("author").put("did", DID).put("handle", HANDLE);
        post.set("record", post(text, at, parentUri));
        post.put("replyCount", 0).put("repostCount", 0).put("likeCount", 0);
        if (parentUri != null) {
            ObjectNode reply = item.putObject("reply");
            ObjectNode parent = parentGone
                    ? JSON.createObjectNode().put("$type", "app.bsky.feed.defs#notFoundPost").put("uri", parentUri).put("notFound", true)
                    : JSON.createObjectNode().put("$type", "app.bsky.feed.defs#postView").put("uri", parentUri);
            reply.set("root", parent);
            reply.set("parent", parent);
        }
        feed.put(seq.incrementAndGet(), item);
        return uri;
    }

    /** The team reposts someone's reply to a mention: in its feed, but not its post. */
    public void teamRepost(String handle, String text, Instant at, String parentUri) {
        ObjectNode item = JSON.createObjectNode();
        ObjectNode post = item.putObject("post").put("uri", "at://did:plc:" + handle.hashCode() + "/app.bsky.feed.post/" + rkey())
                .put("indexedAt", at.toString());
        post.putObject("author").put("did", "did:plc:other" + Math.abs(handle.hashCode())).put("handle", handle);
        post.set("record", post(text, at, parentUri));
        item.putObject("reason").put("$type", "app.bsky.feed.defs#reasonRepost").put("indexedAt", at.toString());
        feed.put(seq.incrementAndGet(), item);
    }

    /** Every access token given so far stops working: the next read gets 400 ExpiredToken. */
    public void expireAccessTokens() {
        access.clear();
    }

    /** Every refresh token stops working too: only a new session helps. */
    public void expireRefreshTokens() {
        refresh.clear();
    }

    public int notificationCount() {
        return notifications.size();
    }

    // ── the API ──

    @Override
    protected Reply answer(Request r, byte[] body) throws IOException {
        String method = r.path().startsWith("/xrpc/") ? r.path().substring(6) : "";
        return limited(switch (r.method() + " " + method) {
            case "POST com.atproto.server.createSession" -> createSession(parse(body));
            case "POST com.atproto.server.refreshSession" -> refreshSession(r.bearer());
            case "GET app.bsky.notification.listNotifications" -> authorized(r) ? listNotifications(r) : expired();
            case "GET app.bsky.feed.getAuthorFeed" -> authorized(r) ? authorFeed(r) : expired();
            default -> new Reply(404, Map.of("error", "MethodNotImplemented", "message", "Method Not Implemented"), Map.of());
        });
    }

    private boolean authorized(Request r) {
        return r.bearer() != null && access.contains(r.bearer());
    }

    private static Reply expired() {
        return new Reply(400, Map.of("error", "ExpiredToken", "message", "Token has expired"), Map.of());
    }

    private Reply limited(Reply r) {
        Integer remaining = rateLimitRemaining;
        if (remaining == null) {
            return r;
        }
        return new Reply(r.status(), r.json(), Map.of("RateLimit-Limit", "3000", "RateLimit-Remaining",
                Integer.toString(remaining), "RateLimit-Reset", Long.toString(rateLimitReset.getEpochSecond()),
                "RateLimit-Policy", "3000;w=300"));
    }

    private Reply createSession(JsonNode body) {
        String id = body.path("identifier").asText("");
        if (!(id.equals(HANDLE) || id.equals(DID)) || !APP_PASSWORD.equals(body.path("password").asText(""))) {
            return new Reply(401, Map.of("error", "AuthenticationRequired", "message", "Invalid identifier or password"),
                    Map.of());
        }
        return Reply.ok(session());
    }

    private Reply refreshSession(String token) {
        if (token == null || !refresh.remove(token)) {
            return expired();
        }
        return Reply.ok(session());
    }

    private ObjectNode session() {
        String a = "access." + tokens.incrementAndGet();
        String f = "refresh." + tokens.incrementAndGet();
        access.add(a);
        refresh.add(f);
        return JSON.createObjectNode().put("accessJwt", a).put("refreshJwt", f).put("handle", HANDLE).put("did", DID)
                .put("active", true);
    }

    private Reply listNotifications(Request r) {
        List<String> reasons = r.query().getOrDefault("reasons", List.of());
        return page(notifications, r, 50, "notifications", n -> reasons.isEmpty() || reasons.contains(n.path("reason").asText()));
    }

    private Reply authorFeed(Request r) {
        if (!DID.equals(r.param("actor")) && !HANDLE.equals(r.param("actor"))) {
            return new Reply(400, Map.of("error", "InvalidRequest", "message", "Profile not found"), Map.of());
        }
        return page(feed, r, 50, "feed", n -> true);
    }

    /** Newest first; the cursor is the sequence number of the last item given, the next page starts below it. */
    private Reply page(NavigableMap<Long, ObjectNode> all, Request r, int defaultLimit, String field,
                       java.util.function.Predicate<ObjectNode> keep) {
        int limit = Math.min(100, r.param("limit") == null ? defaultLimit : Integer.parseInt(r.param("limit")));
        NavigableMap<Long, ObjectNode> range = r.param("cursor") == null ? all
                : all.headMap(Long.parseLong(r.param("cursor")), false);
        ObjectNode out = JSON.createObjectNode();
        ArrayNode list = out.putArray(field);
        Long last = null;
        for (Map.Entry<Long, ObjectNode> e : range.descendingMap().entrySet()) {
            if (list.size() == limit) {
                break;
            }
            if (keep.test(e.getValue())) {
                list.add(e.getValue());
                last = e.getKey();
            }
        }
        if (last != null && !range.headMap(last, false).isEmpty()) {
            out.put("cursor", Long.toString(last));
        }
        return Reply.ok(out);
    }

    private String notify(String reason, String handle, ObjectNode record, Instant at, ObjectNode viewer) {
        String did = "did:plc:" + Integer.toHexString(handle.hashCode()) + "author";
        String uri = "at://" + did + "/" + record.path("$type").asText() + "/" + rkey();
        ObjectNode n = JSON.createObjectNode().put("uri", uri).put("cid", "bafyrei" + seq.get()).put("reason", reason);
        ObjectNode author = n.putObject("author").put("did", did).put("handle", handle).put("displayName", handle);
        author.set("viewer", viewer.isEmpty() ? JSON.createObjectNode().put("muted", false).put("blockedBy", false) : viewer);
        n.set("record", record);
        n.put("isRead", false).put("indexedAt", at.toString());
        n.putArray("labels");
        notifications.put(seq.incrementAndGet(), n);
        return uri;
    }

    private ObjectNode post(String text, Instant at, String parentUri) {
        ObjectNode p = JSON.createObjectNode().put("$type", "app.bsky.feed.post").put("text", text).put("createdAt", at.toString());
        p.putArray("langs").add("en");
        if (parentUri != null) {
            ObjectNode reply = p.putObject("reply");
            reply.putObject("root").put("uri", parentUri).put("cid", "bafyroot");
            reply.putObject("parent").put("uri", parentUri).put("cid", "bafyparent");
        }
        return p;
    }

    private String rkey() {
        return "3l" + Long.toString(1_000_000_000L + seq.get() * 7919, 36);
    }
}
