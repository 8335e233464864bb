package io.candor.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import java.io.IOException;
import java.time.Duration;

/**
 * Slack Web API calls with Slack's rate limits respected: a 429 answer is waited out for
 * as long as its Retry-After says and the call is made again, so a burst of reminders is
 * delayed rather than lost. Any other failure becomes a {@link SlackCallFailed}.
 */
final class WebApi {
    /** How a caller waits; tests pass one that records instead of sleeping. */
    interface Pause {
        void sleep(Duration d) throws InterruptedException;
    }

    @FunctionalInterface
    interface Call<T> {
        T run(MethodsClient client) throws IOException, SlackApiException;
    }

    static final int MAX_ATTEMPTS = 6;
    static final Duration MAX_WAIT = Duration.ofSeconds(60);

    private final MethodsClient client;
    private final Pause pause;

    WebApi(MethodsClient client, Pause pause) {
        this.client = client;
        this.pause = pause;
    }

    <T extends SlackApiTextResponse> T call(String method, Call<T> call) {
        return call(method, call, MAX_ATTEMPTS);
    }

    /** One try only: for calls whose input expires in seconds (views.open and its trigger_id). */
    <T extends SlackApiTextResponse> T callOnce(String method, Call<T> call) {
        return call(method, call, 1);
    }

    private <T extends SlackApiTextResponse> T call(String method, Call<T> call, int maxAttempts) {
        for (int attempt = 1; ; attempt++) {
            try {
                T r = call.run(client);
                if (!r.isOk()) {
                    throw new SlackCallFailed(method, r.getError() == null ? "not ok" : r.getError(), null);
                }
                return r;
            } catch (SlackApiException e) {
                int code = e.getResponse().code();
                if (code == 429 && attempt < maxAttempts) {
                    waitOut(retryAfter(e.getResponse().header("Retry-After")), method);
                    continue;
                }
                throw new SlackCallFailed(method, code == 429 ? "ratelimited" : "HTTP " + code, e);
            } catch (IOException e) {
                throw new SlackCallFailed(method, e.getClass().getSimpleName(), e);
            }
        }
    }

    void waitOut(Duration d, String what) {
        try {
            pause.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlackCallFailed(what, "interrupted while rate limited", e);
        }
    }

    /** Retry-After in seconds, as Slack sends it; one second when missing or unreadable. */
    static Duration retryAfter(String header) {
        try {
            long s = header == null ? 1 : Long.parseLong(header.strip());
            Duration d = Duration.ofSeconds(Math.max(0, s));
            return d.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : d;
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(1);
        }
    }
}
