package io.candor.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When a rate limit lifts, read from each header the two networks and HTTP itself document. */
class JsonApiTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private static HttpHeaders headers(String name, String value) {
        return HttpHeaders.of(Map.of(name, List.of(value)), (a, b) -> true);
    }

    @Test
    void retryAfterInSecondsOrAsAnHttpDate() {
        assertThat(JsonApi.retryAt(headers("Retry-After", "120"), NOW)).contains(NOW.plusSeconds(120));
        assertThat(JsonApi.retryAt(headers("Retry-After", "Mon, 23 Nov 2026 10:03:00 GMT"), NOW))
                .contains(NOW.plusSeconds(180));
    }

    @Test
    void mastodonsResetIsATimestampAndBlueskysIsEpochSeconds() {
        assertThat(JsonApi.retryAt(headers("X-RateLimit-Reset", "2026-11-23T10:05:00.123456Z"), NOW))
                .contains(Instant.parse("2026-11-23T10:05:00.123456Z"));
        assertThat(JsonApi.retryAt(headers("RateLimit-Reset", Long.toString(NOW.plusSeconds(300).getEpochSecond())), NOW))
                .contains(NOW.plusSeconds(300));
        assertThat(JsonApi.retryAt(headers("RateLimit-Reset", "42"), NOW)).contains(NOW.plusSeconds(42)); // delta seconds
    }

    @Test
    void aResetInThePastIsNowAndOneDaysAwayIsADayAtMostAndGarbageIsNothing() {
        assertThat(JsonApi.retryAt(headers("X-RateLimit-Reset", "2026-11-23T09:00:00Z"), NOW)).contains(NOW);
        assertThat(JsonApi.retryAt(headers("Retry-After", "9999999"), NOW)).contains(NOW.plus(Duration.ofHours(24)));
        assertThat(JsonApi.retryAt(headers("Retry-After", "soon"), NOW)).isEmpty();
        assertThat(JsonApi.retryAt(headers("X-Other", "1"), NOW)).isEmpty();
    }
}
