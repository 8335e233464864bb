package io.candor.chat;

import io.candor.prompts.Prompts;
import java.util.List;
import java.util.Optional;

/** The features a bot can be without, switched off: each answers that it is off and keeps nothing. */
final class Off {
    private Off() {
    }

    /** Mention tracking not set up: commands say so; mentions-channel events are dropped. */
    record Mentions(Prompts prompts) implements MentionDesk {
        private Reply off() {
            return Reply.text(prompts.render("chat:mentions-off"));
        }

        @Override
        public boolean tracking() {
            return false;
        }

        @Override
        public Reply mine(ChatUser user) {
            return off();
        }

        @Override
        public Reply done(ChatUser user, String id) {
            return off();
        }

        @Override
        public Reply dismiss(ChatUser user, String id) {
            return off();
        }

        @Override
        public Reply assign(ChatUser user, String id, String person) {
            return off();
        }

        @Override
        public Reply snooze(ChatUser user, String id, String duration) {
            return off();
        }

        @Override
        public void posted(ChatUser poster, String channel, String messageId, String text, String permalink) {
        }

        @Override
        public Optional<Reply> threadReply(ChatUser writer, String channel, String parentMessageId, String text) {
            return Optional.empty();
        }

        @Override
        public Optional<Reply> reacted(ChatUser user, String channel, String messageId, String emoji) {
            return Optional.empty();
        }

        @Override
        public List<Reply> home(ChatUser user) {
            return List.of();
        }
    }

    /** No history: "I posted this" is not offered, and a press says it is off. */
    record Posts(Prompts prompts) implements PostLog {
        @Override
        public String posted(ChatUser user, String key) {
            return prompts.render("chat:posted-off");
        }

        @Override
        public boolean keeps() {
            return false;
        }
    }

    /** No stats: {@code /coach stats} says they are off; "stats …" that is not a period is a draft. */
    record Stats(Prompts prompts) implements StatsDesk {
        @Override
        public boolean understands(String args) {
            return false;
        }

        @Override
        public Reply stats(ChatUser user, String args) {
            return Reply.text(prompts.render("stats:chat.off"));
        }
    }
}
