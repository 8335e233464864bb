package io.candor.network;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * A network's JSON API over {@link HttpClient}: GETs, and the POSTs a session needs. Slows
 * down as told: a 429 becomes {@link NetworkFault#rateLimited} until the time its
 * {@code Retry-After}, {@code X-RateLimit-Reset} (Mastodon, a timestamp) or {@code RateLimit-Reset}
 * (Bluesky, epoch seconds) says; a response that says no requests remain before a reset holds
 * back the next request until then, without sending it. 5xx, timeouts and bodies that are not
 * JSON are {@link NetworkFault#unavailable}. Nothing of a response is ever put in a message.
 */
public final class JsonApi {
    public static final ObjectMapper JSON = new ObjectMapper();
    /** When a 429 says nothing of when to come back. */
    static final Duration DEFAULT_WAIT = Duration.ofMinutes(1);
    /** A reset further away than this is taken as this: a clock or a header gone wrong should not stop polling for days. */
    static final Duration LONGEST_WAIT = Duration.ofHours(24);

    /** A response: its status, its JSON (a missing node when the body was empty or not JSON) and headers. */
    public record Answer(int status, JsonNode body, HttpHeaders headers) {
        public boolean ok() {
            return status / 100 == 2;
        }
    }

    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;
    private final String userAgent;
    private volatile Instant holdUntil = Instant.MIN;

    public JsonApi(Duration timeout, Clock clock, String userAgent) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = timeout;
        this.clock = clock;
        this.userAgent = userAgent;
    }

    public Answer get(URI uri, String bearer) {
        return send(request(uri, bearer).GET().build());
    }

    /** For a session only (Bluesky's createSession and refreshSession): never to publish anything. */
    public Answer post(URI uri, String bearer, JsonNode body) {
        HttpRequest.BodyPublisher content = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body.toString());
        HttpRequest.Builder b = request(uri, bearer).POST(content);
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return send(b.build());
    }

    /** The answer when it is a 2xx; 401 and 403 are refusals; any other status is the network failing. */
    public static Answer require(Answer a, String refusedBecause) {
        if (a.ok()) {
            return a;
        }
        if (a.status() == 401 || a.status() == 403) {
            throw NetworkFault.refused(refusedBecause + " (" + a.status() + ")");
        }
        throw NetworkFault.unavailable("answered " + a.status());
    }

    private HttpRequest.Builder request(URI uri, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json")
                .header("User-Agent", userAgent);
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return b;
    }

    private Answer send(HttpRequest request) {
        Instant now = clock.instant();
        if (now.isBefore(holdUntil)) {
            throw NetworkFault.rateLimited(holdUntil);
        }
        HttpResponse<String> r;
        try {
            r = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw NetworkFault.unavailable("no answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            throw NetworkFault.unavailable("cannot be reached (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw NetworkFault.unavailable("interrupted: Candor is stopping");
        }
        HttpHeaders h = r.headers();
        if (r.statusCode() == 429) {
            throw NetworkFault.rateLimited(retryAt(h, clock.instant()).orElse(clock.instant().plus(DEFAULT_WAIT)));
        }
        if (r.statusCode() >= 500) {
            throw NetworkFault.unavailable("answered " + r.statusCode());
        }
        if (noneRemaining(h)) {
            retryAt(h, clock.instant()).ifPresent(t -> holdUntil = t);
        }
        JsonNode body = JSON.missingNode();
        String text = r.body();
        if (text != null && !text.isBlank()) {
            try {
                body = JSON.readTree(text);
            } catch (JsonProcessingException e) {
                if (r.statusCode() / 100 == 2) {
                    throw NetworkFault.unavailable("answered something that is not JSON");
                }
            }
        }
        return new Answer(r.statusCode(), body, h);
    }

    private static boolean noneRemaining(HttpHeaders h) {
        return h.firstValue("X-RateLimit-Remaining").or(() -> h.firstValue("RateLimit-Remaining"))
                .map(String::strip).filter("0"::equals).isPresent();
    }

    /** When a rate limit lifts, from whichever header the network sent; empty when none says. */
    static Optional<Instant> retryAt(HttpHeaders h, Instant now) {
        Optional<Instant> at = h.firstValue("Retry-After").flatMap(v -> retryAfter(v, now))
                .or(() -> h.firstValue("X-RateLimit-Reset").flatMap(JsonApi::timestamp))
                .or(() -> h.firstValue("RateLimit-Reset").flatMap(v -> reset(v, now)));
        return at.map(t -> t.isBefore(now) ? now : t).map(t -> t.isAfter(now.plus(LONGEST_WAIT)) ? now.plus(LONGEST_WAIT) : t);
    }

    /** Retry-After: delta seconds or an HTTP date. */
    private static Optional<Instant> retryAfter(String v, Instant now) {
        String s = v.strip();
        if (s.matches("\\d{1,9}")) {
            return Optional.of(now.plusSeconds(Long.parseLong(s)));
        }
        try {
            return Optional.of(ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ENGLISH)).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Mastodon's X-RateLimit-Reset: an ISO 8601 timestamp. */
    private static Optional<Instant> timestamp(String v) {
        try {
            return Optional.of(OffsetDateTime.parse(v.strip()).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Bluesky's RateLimit-Reset: epoch seconds (a small number is read as seconds from now, as the IETF draft has it). */
    private static Optional<Instant> reset(String v, Instant now) {
        String s = v.strip();
        if (!s.matches("\\d{1,12}")) {
            return Optional.empty();
        }
        long n = Long.parseLong(s);
        return Optional.of(n > 1_000_000_000L ? Instant.ofEpochSecond(n) : now.plusSeconds(n));
    }
}
