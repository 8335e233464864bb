package io.candor.chat;

/** What a writer said about one finding, from the buttons under it. */
public enum Feedback {
    HELPFUL, NOT_HELPFUL, MUTE
}
