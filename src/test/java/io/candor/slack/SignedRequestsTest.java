package io.candor.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.candor.remind.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignedRequestsTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final SignedRequests signed = new SignedRequests(SlackRig.SECRET, clock);

    private SignedRequests.Verdict send(long ts, String body) {
        return signed.check(Long.toString(ts), SlackRig.sign(SlackRig.SECRET, ts, body), body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void eachVerdict() {
        long now = clock.instant().getEpochSecond();
        assertThat(send(now, "a=1")).isEqualTo(SignedRequests.Verdict.OK);
        assertThat(send(now, "a=1")).isEqualTo(SignedRequests.Verdict.REPLAY);
        assertThat(send(now + 301, "a=2")).isEqualTo(SignedRequests.Verdict.OUT_OF_WINDOW);
        assertThat(send(now - 301, "a=2")).isEqualTo(SignedRequests.Verdict.OUT_OF_WINDOW);
        assertThat(signed.check(Long.toString(now), "v0=" + "a".repeat(64), new byte[0]))
                .isEqualTo(SignedRequests.Verdict.BAD_SIGNATURE);
        assertThat(signed.check(null, null, new byte[0])).isEqualTo(SignedRequests.Verdict.UNSIGNED);
        assertThat(signed.check("soon", "v0=zz", new byte[0])).isEqualTo(SignedRequests.Verdict.UNSIGNED);
    }

    @Test
    void rememberedSignaturesAreForgottenOnceTheirWindowHasPassed() {
        long now = clock.instant().getEpochSecond();
        for (int i = 0; i < 10_000; i++) {
            assertThat(send(now, "n=" + i)).isEqualTo(SignedRequests.Verdict.OK);
        }
        clock.set(clock.instant().plus(Duration.ofMinutes(6)));
        assertThat(send(clock.instant().getEpochSecond(), "n=new")).isEqualTo(SignedRequests.Verdict.OK);
        assertThat(signed.remembered()).isEqualTo(1);
    }
}
