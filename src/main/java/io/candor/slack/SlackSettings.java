package io.candor.slack;

/**
 * The {@code slack:} section of candor.yaml. Channel ids, not names: names change and ids
 * are what Slack sends in events. The done emoji ({@code mentions.done_emoji}) and the
 * summary channel ({@code reminders.summary}) belong to the mentions and reminders sections.
 */
public record SlackSettings(String mentionsChannel, Integer workers) {
    public SlackSettings {
        mentionsChannel = mentionsChannel == null ? "" : mentionsChannel.strip();
        // reviews are CPU-bound: more threads than cores would only slow the 3-second acks
        workers = workers == null || workers < 1 ? Math.max(2, Runtime.getRuntime().availableProcessors()) : workers;
    }

    public boolean watchesMentions() {
        return !mentionsChannel.isEmpty();
    }
}
