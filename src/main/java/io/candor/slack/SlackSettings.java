package io.candor.slack;

/**
 * The {@code slack:} section of candor.yaml. Channel ids, not names: names change and
 * ids are what Slack sends in events.
 */
public record SlackSettings(String mentionsChannel, String teamChannel, Integer workers) {
    public SlackSettings {
        mentionsChannel = mentionsChannel == null ? "" : mentionsChannel.strip();
        teamChannel = teamChannel == null ? "" : teamChannel.strip();
        // reviews are CPU-bound: more threads than cores would only slow the 3-second acks
        workers = workers == null || workers < 1 ? Math.max(2, Runtime.getRuntime().availableProcessors()) : workers;
    }

    public boolean watchesMentions() {
        return !mentionsChannel.isEmpty();
    }
}
