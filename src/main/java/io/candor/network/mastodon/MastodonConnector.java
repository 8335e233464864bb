package io.candor.network.mastodon;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Mastodon account, read with an access token that may only read. Calls, as Mastodon's
 * REST API documents them: {@code GET /api/v1/apps/verify_credentials} (the token's scopes:
 * one that may write is refused), {@code GET /api/v1/accounts/verify_credentials} (who the
 * account is), {@code GET /api/v1/notifications?types[]=mention&types[]=quote} and
 * {@code GET /api/v1/accounts/:id/statuses}, paged forward with {@code min_id} and back with
 * {@code max_id}, the next id taken from the {@code Link} header. Nothing else.
 */
public final class MastodonConnector implements Connector {
    public static final String URL_VARIABLE = "CANDOR_MASTODON_URL";
    public static final String TOKEN_VARIABLE = "CANDOR_MASTODON_TOKEN";
    static final String PLATFORM = "mastodon";
    /** The most notifications and statuses one request returns, as documented. */
    static final int NOTIFICATIONS_PAGE = 80;
    static final int STATUSES_PAGE = 40;
    private static final Pattern ID = Pattern.compile("[0-9A-Za-z_-]{1,64}");
    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*;[^,]*rel=\"?(next|prev)\"?");
    /** Scopes that only read (profile: only who the token's user is). */
    private static final Pattern READ_SCOPE = Pattern.compile("read(:[a-z_]+)?|profile");

    private final URI base;
    private final String token;
    private final JsonApi api;
    private final int maxText;
    private final String noText;
    private volatile String accountId;
    private volatile String label;

    MastodonConnector(URI base, String token, JsonApi api, int maxText, String noText) {
        this.base = base;
        this.token = token;
        this.api = api;
        this.maxText = maxText;
        this.noText = noText;
        this.label = base.getAuthority(); // the account's name once the token is accepted
    }

    /**
     * The account {@code CANDOR_MASTODON_URL} and {@code CANDOR_MASTODON_TOKEN} name; empty when
     * neither is set. One without the other, or an address that is not https (plain http is
     * taken for loopback only, where the token does not cross a network), is a mistake to fix.
     *
     * @param noText what a post without text (only pictures) reads as
     */
    public static Optional<Connector> fromEnvironment(Map<String, String> env, NetworkSettings settings, int maxText,
                                                      String noText, Clock clock, String userAgent) {
        String url = value(env, URL_VARIABLE);
        String token = value(env, TOKEN_VARIABLE);
        if (url == null && token == null) {
            return Optional.empty();
        }
        if (url == null || token == null) {
            throw new ConfigException((url == null ? URL_VARIABLE : TOKEN_VARIABLE) + " is not set: Mastodon needs the"
                    + " instance's address (" + URL_VARIABLE + ", e.g. https://mastodon.social) and a read-only access"
                    + " token (" + TOKEN_VARIABLE + "); see the README, section Mastodon and Bluesky");
        }
        URI base = Urls.base(url, URL_VARIABLE);
        JsonApi api = new JsonApi(Duration.ofSeconds(settings.timeoutSeconds()), clock, userAgent);
        return Optional.of(new MastodonConnector(base, token, api, maxText, noText));
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
        return label;
    }

    @Override
    public String connect() {
        JsonApi.Answer app = api.get(base.resolve("/api/v1/apps/verify_credentials"), token);
        if (app.status() != 404) { // 404: an instance older than this call cannot say
            JsonNode scopes = JsonApi.require(app, "the instance refused the access token").body().path("scopes");
            for (JsonNode s : scopes) {
                if (!READ_SCOPE.matcher(s.asText()).matches()) {
                    throw NetworkFault.refused("the access token may do more than read (it has a write, follow, push"
                            + " or admin scope); make one with only read:accounts, read:notifications and read:statuses");
                }
            }
        }
        JsonNode me = JsonApi.require(api.get(base.resolve("/api/v1/accounts/verify_credentials"), token),
                "the instance refused the access token").body();
        String id = me.path("id").asText("");
        String username = me.path("username").asText("");
        if (!ID.matcher(id).matches() || !username.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw NetworkFault.unavailable("verify_credentials did not name the account");
        }
        accountId = id;
        label = "@" + username + "@" + base.getHost();
        return PLATFORM + ":" + base.getAuthority() + ":" + id;
    }

    @Override
    public String mentions(String after, Instant since, Set<Kind> kinds, Consumer<Batch<NewMention>> pages) {
        List<String> types = new ArrayList<>();
        if (kinds.contains(Kind.MENTIONS) || kinds.contains(Kind.REPLIES)) {
            types.add("mention"); // a reply to the account mentions it
        }
        if (kinds.contains(Kind.QUOTES)) {
            types.add("quote");
        }
        String query = "limit=" + NOTIFICATIONS_PAGE + types.stream().map(t -> "&types%5B%5D=" + t).reduce("", String::concat);
        return walk("/api/v1/notifications", query, after, since, n -> n.path("created_at"),
                (n, tally) -> mention(n, kinds, tally), pages);
    }

    @Override
    public String ownReplies(String after, Instant since, Consumer<Batch<OwnReply>> pages) {
        return walk("/api/v1/accounts/" + accountId + "/statuses", "limit=" + STATUSES_PAGE + "&exclude_reblogs=true",
                after, since, s -> s.path("created_at"), this::reply, pages);
    }

    /**
     * Reads a Mastodon timeline: forward from {@code after} with {@code min_id} (each page the
     * one just newer than the last, oldest first, safe to resume after), or, the first time,
     * back from the newest with {@code max_id} until items are older than {@code since}.
     */
    private <T> String walk(String path, String query, String after, Instant since, Function<JsonNode, JsonNode> time,
                            ItemReader<T> reader, Consumer<Batch<T>> pages) {
        boolean forward = after != null;
        String cursor = after;
        String newest = null;
        String page = forward ? "&min_id=" + after : "";
        while (page != null) {
            JsonApi.Answer a = JsonApi.require(api.get(base.resolve(path + "?" + query + page), token),
                    "the instance refused the access token");
            if (!a.body().isArray()) {
                throw NetworkFault.unavailable(path + " did not answer with a list");
            }
            if (a.body().isEmpty()) {
                break;
            }
            List<JsonNode> items = new ArrayList<>();
            a.body().forEach(items::add);
            java.util.Collections.reverse(items); // Mastodon lists newest first; mentions go in oldest first
            Skipped.Tally tally = new Skipped.Tally();
            List<T> out = new ArrayList<>();
            String high = null;
            String low = null;
            boolean older = false;
            for (JsonNode item : items) {
                String id = item.path("id").asText("");
                if (!ID.matcher(id).matches()) {
                    tally.malformed();
                    continue;
                }
                high = high == null || newer(id, high) ? id : high;
                low = low == null || newer(low, id) ? id : low;
                if (!forward && instant(time.apply(item)).map(t -> t.isBefore(since)).orElse(false)) {
                    older = true;
                    continue;
                }
                T t = reader.read(item, tally);
                if (t != null) {
                    out.add(t);
                }
            }
            if (high == null) {
                throw NetworkFault.unavailable(path + " answered a page without ids");
            }
            String before = page;
            if (forward) {
                cursor = high;
                pages.accept(new Batch<>(out, tally.done(), cursor));
                String newestRead = high;
                page = "&min_id=" + link(a, "prev", "min_id").filter(id -> !newer(newestRead, id)).orElse(high);
            } else {
                newest = newest == null ? high : newest;
                pages.accept(new Batch<>(out, tally.done(), null));
                String oldest = low;
                page = older ? null : "&max_id=" + link(a, "next", "max_id").filter(id -> !newer(id, oldest)).orElse(low);
            }
            if (page != null && page.equals(before)) {
                throw NetworkFault.unavailable(path + " gave the same page twice"); // never walk in a circle
            }
        }
        return forward ? cursor : newest;
    }

    /** The id a {@code Link} header's next (older) or prev (newer) page starts from; only the id is used, never the address. */
    private static Optional<String> link(JsonApi.Answer a, String rel, String param) {
        for (String header : a.headers().allValues("Link")) {
            Matcher m = LINK.matcher(header);
            while (m.find()) {
                if (m.group(2).equals(rel)) {
                    Matcher id = Pattern.compile("[?&]" + param + "=([0-9A-Za-z_-]{1,64})").matcher(m.group(1));
                    if (id.find()) {
                        return Optional.of(id.group(1));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Mastodon ids are numbers as text: a longer one is newer, else the larger. */
    static boolean newer(String a, String b) {
        return a.length() != b.length() ? a.length() > b.length() : a.compareTo(b) > 0;
    }

    private NewMention mention(JsonNode n, Set<Kind> kinds, Skipped.Tally tally) {
        JsonNode status = n.get("status");
        if (status == null || status.isNull()) {
            tally.deleted(); // the post is gone (or hidden from the account)
            return null;
        }
        String type = n.path("type").asText("");
        Kind kind = type.equals("quote") ? Kind.QUOTES
                : accountId.equals(status.path("in_reply_to_account_id").asText()) ? Kind.REPLIES : Kind.MENTIONS;
        if (!type.equals("mention") && !type.equals("quote") || !kinds.contains(kind)) {
            return null; // asked for by type; a kind the settings leave out is not a skip
        }
        String id = status.path("id").asText("");
        String acct = status.path("account").path("acct").asText("");
        Optional<Instant> written = instant(status.path("created_at"));
        if (!ID.matcher(id).matches() || acct.isBlank() || written.isEmpty() || !status.path("content").isTextual()) {
            tally.malformed();
            return null;
        }
        String author = "@" + (acct.contains("@") ? acct : acct + "@" + base.getHost());
        return new NewMention(PLATFORM, id, Clip.head(author, 200), text(status), Urls.web(status.path("url").asText(null)),
                written.get(), null, null);
    }

    private OwnReply reply(JsonNode s, Skipped.Tally tally) {
        String parent = s.path("in_reply_to_id").asText("");
        if (parent.isEmpty() || s.path("in_reply_to_id").isNull()) {
            return null; // a post of its own, not a reply
        }
        Optional<Instant> written = instant(s.path("created_at"));
        if (!ID.matcher(parent).matches() || written.isEmpty()) {
            tally.malformed();
            return null;
        }
        return new OwnReply(parent, text(s), written.get(), Urls.web(s.path("url").asText(null)));
    }

    /** The status as plain text, its content warning first; a post with no words reads as {@code noText}. */
    private String text(JsonNode status) {
        String body = MastodonText.plain(status.path("content").asText(""));
        String warning = status.path("spoiler_text").asText("").strip();
        String all = warning.isEmpty() ? body : warning + "\n\n" + body;
        return all.isBlank() ? noText : Clip.head(all.strip(), maxText);
    }

    private static Optional<Instant> instant(JsonNode v) {
        if (!v.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(v.asText()).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
