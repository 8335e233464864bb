package io.candor.network.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import io.candor.config.ConfigException;
import io.candor.mention.model.NewMention;
import io.candor.network.Batch;
import io.candor.network.Connector;
import io.candor.network.ItemReader;
import io.candor.network.JsonApi;
import io.candor.network.Kind;
import io.candor.network.NetworkFault;
import io.candor.network.NetworkSettings;
import io.candor.network.OwnReply;
import io.candor.network.Skipped;
import io.candor.network.Urls;
import io.candor.text.Clip;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One Bluesky account, read through its PDS with an app password. XRPC calls, as the AT
 * Protocol documents them: {@code com.atproto.server.createSession} (once, and again only when
 * a session cannot be refreshed) and {@code refreshSession} (when the access token expired),
 * {@code app.bsky.notification.listNotifications} and {@code app.bsky.feed.getAuthorFeed}, both
 * newest first and paged back with their {@code cursor}. Nothing else: not even
 * {@code updateSeen}, which would write.
 */
public final class BlueskyConnector implements Connector {
    public static final String URL_VARIABLE = "CANDOR_BLUESKY_URL";
    public static final String HANDLE_VARIABLE = "CANDOR_BLUESKY_HANDLE";
    public static final String PASSWORD_VARIABLE = "CANDOR_BLUESKY_APP_PASSWORD";
    public static final String DEFAULT_URL = "https://bsky.social";
    static final String PLATFORM = "bluesky";
    /** The most items one listNotifications or getAuthorFeed returns, as documented. */
    static final int PAGE = 100;
    private static final int MAX_SOURCE_ID = 200;

    private record Session(String access, String refresh, String did, String handle) {
    }

    private final URI base;
    private final String handle;
    private final String password;
    private final JsonApi api;
    private final int maxText;
    private final String noText;
    private volatile Session session;

    BlueskyConnector(URI base, String handle, String password, JsonApi api, int maxText, String noText) {
        this.base = base;
        this.handle = handle;
        this.password = password;
        this.api = api;
        this.maxText = maxText;
        this.noText = noText;
    }

    /**
     * The account {@code CANDOR_BLUESKY_HANDLE} and {@code CANDOR_BLUESKY_APP_PASSWORD} name, on
     * {@code CANDOR_BLUESKY_URL} (default https://bsky.social); empty when neither is set.
     */
    public static Optional<Connector> fromEnvironment(Map<String, String> env, NetworkSettings settings, int maxText,
                                                      String noText, Clock clock, String userAgent) {
        String handle = value(env, HANDLE_VARIABLE);
        String password = value(env, PASSWORD_VARIABLE);
        if (handle == null && password == null) {
            return Optional.empty();
        }
        if (handle == null || password == null) {
            throw new ConfigException((handle == null ? HANDLE_VARIABLE : PASSWORD_VARIABLE) + " is not set: Bluesky"
                    + " needs the account's handle (" + HANDLE_VARIABLE + ", e.g. yourteam.bsky.social) and an app"
                    + " password (" + PASSWORD_VARIABLE + "); see the README, section Mastodon and Bluesky");
        }
        String url = value(env, URL_VARIABLE);
        URI base = Urls.base(url == null ? DEFAULT_URL : url, URL_VARIABLE);
        JsonApi api = new JsonApi(Duration.ofSeconds(settings.timeoutSeconds()), clock, userAgent);
        return Optional.of(new BlueskyConnector(base, handle.replaceFirst("^@", ""), password, api, maxText, noText));
    }

    private static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    @Override
    public String label() {
        Session s = session;
        return "@" + (s == null ? handle : s.handle());
    }

    @Override
    public String connect() {
        createSession();
        return PLATFORM + ":" + session.did();
    }

    private void createSession() {
        JsonApi.Answer a = api.post(xrpc("com.atproto.server.createSession", ""), null,
                JsonApi.JSON.createObjectNode().put("identifier", handle).put("password", password));
        if (a.status() == 401 || error(a).equals("AuthenticationRequired")) {
            throw NetworkFault.refused("the handle or app password was refused (" + a.status() + ")");
        }
        if (error(a).equals("AuthFactorTokenRequired")) {
            throw NetworkFault.refused("the account asks for a sign-in code: use an app password, not the account's password");
        }
        Session s = read(JsonApi.require(a, "the handle or app password was refused").body());
        // the handle names the account in logs and on /readyz: only one that looks like a handle
        session = s.handle().matches("[A-Za-z0-9.-]{1,190}") ? s : new Session(s.access(), s.refresh(), s.did(), handle);
    }

    /** A new access token from the refresh token; a session that cannot be refreshed is made again. */
    private void refreshSession() {
        JsonApi.Answer a = api.post(xrpc("com.atproto.server.refreshSession", ""), session.refresh(), null);
        if (a.ok()) {
            Session s = read(a.body());
            session = new Session(s.access(), s.refresh(), session.did(), session.handle()); // the same account
            return;
        }
        if (a.status() == 400 || a.status() == 401) {
            createSession(); // the refresh token expired or was revoked: sign in again with the app password
            return;
        }
        JsonApi.require(a, "the session could not be refreshed");
    }

    private static Session read(JsonNode b) {
        String access = b.path("accessJwt").asText("");
        String refresh = b.path("refreshJwt").asText("");
        String did = b.path("did").asText("");
        String handle = b.path("handle").asText("");
        if (access.isBlank() || refresh.isBlank() || !did.startsWith("did:") || did.length() > 200 || handle.isBlank()) {
            throw NetworkFault.unavailable("the session answer lacked a token, did or handle");
        }
        return new Session(access, refresh, did, Clip.head(handle, 190));
    }

    /** A read with the session's access token; an expired token is refreshed once and the read sent again. */
    private JsonNode read(String method, String query) {
        if (session == null) {
            createSession();
        }
        JsonApi.Answer a = api.get(xrpc(method, query), session.access());
        if (expired(a)) {
            refreshSession();
            a = api.get(xrpc(method, query), session.access());
        }
        return JsonApi.require(a, "the session was refused").body();
    }

    private static boolean expired(JsonApi.Answer a) {
        String e = error(a);
        return a.status() == 401 || a.status() == 400 && (e.equals("ExpiredToken") || e.equals("InvalidToken"));
    }

    /** The XRPC error name of a 4xx ({"error": "ExpiredToken", "message": …}); only compared, never shown. */
    private static String error(JsonApi.Answer a) {
        return a.ok() ? "" : a.body().path("error").asText("");
    }

    private URI xrpc(String method, String query) {
        return base.resolve("/xrpc/" + method + (query.isEmpty() ? "" : "?" + query));
    }

    @Override
    public String mentions(String after, Instant since, Set<Kind> kinds, Consumer<Batch<NewMention>> pages) {
        StringBuilder q = new StringBuilder("limit=" + PAGE);
        kinds.forEach(k -> q.append("&reasons=").append(reason(k)));
        return walk("app.bsky.notification.listNotifications", q.toString(), "notifications", after, since,
                n -> n, (n, tally) -> mention(n, kinds, tally), pages);
    }

    @Override
    public String ownReplies(String after, Instant since, Consumer<Batch<OwnReply>> pages) {
        if (session == null) {
            createSession();
        }
        String q = "actor=" + enc(session.did()) + "&filter=posts_with_replies&limit=" + PAGE;
        return walk("app.bsky.feed.getAuthorFeed", q, "feed", after, since, item -> item.path("post"), this::reply, pages);
    }

    private static String reason(Kind k) {
        return switch (k) {
            case MENTIONS -> "mention";
            case REPLIES -> "reply";
            case QUOTES -> "quote";
        };
    }

    /**
     * Reads a list newest first, page by page with its cursor, until items are older than the
     * newest one read last time ({@code after}, an indexedAt time) or, the first time, than
     * {@code since}. Items as old as the last newest are read again: taking them in twice is
     * harmless (known by source id), missing one is not.
     */
    private <T> String walk(String method, String query, String field, String after, Instant since,
                            Function<JsonNode, JsonNode> post, ItemReader<T> reader, Consumer<Batch<T>> pages) {
        Instant floor = after == null ? since : instant(after).orElse(since);
        Instant newest = after == null ? null : floor;
        String cursor = null;
        while (true) {
            JsonNode body = read(method, query + (cursor == null ? "" : "&cursor=" + enc(cursor)));
            JsonNode list = body.path(field);
            if (!list.isArray()) {
                throw NetworkFault.unavailable(method + " did not answer with a list");
            }
            Skipped.Tally tally = new Skipped.Tally();
            List<T> out = new ArrayList<>();
            boolean older = false;
            for (JsonNode item : list) {
                Optional<Instant> indexed = instant(post.apply(item).path("indexedAt").asText(""));
                if (indexed.isEmpty()) {
                    tally.malformed();
                    continue;
                }
                if (indexed.get().isBefore(floor)) {
                    older = true;
                    continue;
                }
                T t = reader.read(item, tally);
                if (t != null) {
                    out.add(t);
                }
                newest = newest == null || indexed.get().isAfter(newest) ? indexed.get() : newest;
            }
            java.util.Collections.reverse(out); // newest first as listed; taken in oldest first
            pages.accept(new Batch<>(out, tally.done(), null));
            String next = body.path("cursor").asText("");
            if (older || list.isEmpty() || next.isBlank()) {
                return newest == null ? after : newest.toString();
            }
            if (next.equals(cursor)) {
                throw NetworkFault.unavailable(method + " gave the same cursor twice"); // never walk in a circle
            }
            cursor = next;
        }
    }

    private NewMention mention(JsonNode n, Set<Kind> kinds, Skipped.Tally tally) {
        Optional<Kind> kind = switch (n.path("reason").asText("")) {
            case "mention" -> Optional.of(Kind.MENTIONS);
            case "reply" -> Optional.of(Kind.REPLIES);
            case "quote" -> Optional.of(Kind.QUOTES);
            default -> Optional.empty();
        };
        if (kind.isEmpty() || !kinds.contains(kind.get())) {
            return null; // a like, a follow, a kind the settings leave out: not a skip
        }
        String uri = n.path("uri").asText("");
        JsonNode author = n.path("author");
        String handle = author.path("handle").asText("");
        String did = author.path("did").asText("");
        JsonNode record = n.path("record");
        if (!uri.startsWith("at://") || uri.length() > MAX_SOURCE_ID || !did.startsWith("did:") || handle.isBlank()
                || !record.isObject() || !record.path("text").isTextual()) {
            tally.malformed();
            return null;
        }
        JsonNode viewer = author.path("viewer");
        if (viewer.path("blockedBy").asBoolean(false) || viewer.path("blocking").isTextual()) {
            tally.blocked(); // the account blocks the author (or is blocked): nothing to answer
            return null;
        }
        Instant written = instant(record.path("createdAt").asText("")).or(() -> instant(n.path("indexedAt").asText("")))
                .orElseThrow();
        String text = BlueskyText.plain(record).strip();
        return new NewMention(PLATFORM, uri, Clip.head("@" + handle, 200),
                text.isEmpty() ? noText : Clip.head(text, maxText), webUrl(uri, handle, did), written, null, null);
    }

    private OwnReply reply(JsonNode item, Skipped.Tally tally) {
        JsonNode post = item.path("post");
        if (item.has("reason") || !session.did().equals(post.path("author").path("did").asText())) {
            return null; // a repost, or someone else's post: not the team's reply
        }
        JsonNode record = post.path("record");
        JsonNode parent = record.path("reply").path("parent");
        if (parent.isMissingNode()) {
            return null; // a post of its own, not a reply
        }
        String parentUri = parent.path("uri").asText("");
        Optional<Instant> written = instant(record.path("createdAt").asText("")).or(() -> instant(post.path("indexedAt").asText("")));
        if (!parentUri.startsWith("at://") || parentUri.length() > MAX_SOURCE_ID || written.isEmpty()) {
            tally.malformed();
            return null;
        }
        String uri = post.path("uri").asText("");
        return new OwnReply(parentUri, BlueskyText.plain(record).strip(), written.get(),
                uri.startsWith("at://") ? webUrl(uri, session.handle(), session.did()) : null);
    }

    /** https://bsky.app/profile/HANDLE/post/RKEY: where a person opens the post (by did when the handle is not valid). */
    static String webUrl(String atUri, String handle, String did) {
        String rkey = atUri.substring(atUri.lastIndexOf('/') + 1);
        String who = handle.equals("handle.invalid") || !handle.matches("[A-Za-z0-9.-]{1,253}") ? did : handle;
        return Urls.web("https://bsky.app/profile/" + who + "/post/" + enc(rkey));
    }

    private static Optional<Instant> instant(String s) {
        try {
            return Optional.of(OffsetDateTime.parse(s).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
