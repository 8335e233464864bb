package io.candor.slack;

/**
 * The {@code slack:} section of candor.yaml. Channel ids, not names: names change and
 * ids are what Slack sends in events.
 */
public record SlackSettings(String mentionsChannel, String teamChannel, Integer workers) {
    public SlackSettings {
        mentionsChannel = mentionsChannel == null ? "" : mentionsChannel.strip();
        teamChannel = teamChannel == null ? "" : teamChannel.strip();
        workers = workers == null || workers < 1 ? 4 : workers;
    }

    public boolean watchesMentions() {
        return !mentionsChannel.isEmpty();
    }
}
