package io.candor.slack;

/** Slack refused or could not be reached for one Web API call; the message names the call and Slack's error code. */
public class SlackCallFailed extends RuntimeException implements io.candor.chat.DeliveryFailure {
    private final String error;

    public SlackCallFailed(String method, String error, Throwable cause) {
        super("Slack " + method + " failed: " + error, cause);
        this.error = error;
    }

    /** Slack's error code ("channel_not_found", "not_in_channel", …) or a short transport reason. */
    public String error() {
        return error;
    }

    @Override
    public String reason() {
        return error;
    }
}
