package io.candor.chat;

import io.candor.prompts.Prompts;
import io.candor.review.Draft;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code /coach} grammar, once, typed: what a person can ask, whatever surface they ask on.
 * Text surfaces (Slack's slash command, the terminal chat) {@link #parse} what was typed; Discord
 * builds a command straight from its typed slash options. {@link CoachBot#run} answers it. A
 * draft never looks like a command: commands are a fixed word and an id.
 */
public sealed interface CoachCommand {
    /** Answers each kind of command; a new kind is a compile error in every place that answers them. */
    interface Visitor<R> {
        R help();

        R mentions();

        R done(Done c);

        R dismiss(Dismiss c);

        R snooze(Snooze c);

        R assign(Assign c);

        R unmute(Unmute c);

        R stats(Stats c);

        R review(Review c);

        R bad(Bad c);
    }

    <R> R accept(Visitor<R> v);

    /** The words that start a command rather than a draft. */
    enum Word {
        HELP, MENTIONS, DONE, DISMISS, SNOOZE, ASSIGN, UNMUTE, STATS;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Word> of(String word) {
            return Arrays.stream(values()).filter(w -> w.word().equalsIgnoreCase(word)).findFirst();
        }
    }

    record Help() implements CoachCommand {
        public <R> R accept(Visitor<R> v) {
            return v.help();
        }
    }

    record Mentions() implements CoachCommand {
        public <R> R accept(Visitor<R> v) {
            return v.mentions();
        }
    }

    record Done(String id) implements CoachCommand {
        public <R> R accept(Visitor<R> v) {
            return v.done(this);
        }
    }

    record Dismiss(String id) implements CoachCommand {
        public <R> R accept(Visitor<R> v) {
            return v.dismiss(this);
        }
    }

    /** @param duration empty for the default */
    record Snooze(String id, String duration) implements CoachCommand {
        public <R> R accept(Visitor<R> v) {
            return v.snooze(this);
        }
    }

    /** @param person empty when nobody was named */
    record Assign(String id, String person) implements CoachCommand {
        public <R> R accept(Visitor<R> v) {
            return v.assign(this);
        }
    }

    record Unmute(String rule) implements CoachCommand {
        public <R> R accept(Visitor<R> v) {
            return v.unmute(this);
        }
    }

    /**
     * @param args  period and platform ("2w x"), empty for the default
     * @param typed the whole text, reviewed as a draft when the stats do not understand the args
     */
    record Stats(String args, Optional<String> typed) implements CoachCommand {
        public <R> R accept(Visitor<R> v) {
            return v.stats(this);
        }
    }

    record Review(Draft draft) implements CoachCommand {
        public <R> R accept(Visitor<R> v) {
            return v.review(this);
        }
    }

    /** Options in front of a draft that could not be read; the message says why. */
    record Bad(String message) implements CoachCommand {
        public <R> R accept(Visitor<R> v) {
            return v.bad(this);
        }
    }

    Pattern ID_COMMAND = Pattern.compile("(?i)(done|dismiss|snooze|assign)\\s+#?(\\d+)(?:\\s+(.+))?");
    Pattern UNMUTE = Pattern.compile("(?i)unmute\\s+([\\w.-]+)");
    Pattern STATS = Pattern.compile("(?i)stats(?:\\s+(.*))?");

    /** True when the text's first word is a command word (Slack acknowledges those without "reviewing…"). */
    static boolean startsWithWord(String text) {
        return Word.of(text.strip().split("\\s+", 2)[0]).isPresent();
    }

    /** What the text after {@code /coach} asks for. */
    static CoachCommand parse(String text, Prompts prompts) {
        String t = text == null ? "" : text.strip();
        String lower = t.toLowerCase(Locale.ROOT);
        if (t.isEmpty() || lower.equals("help")) {
            return new Help();
        }
        if (lower.equals("mentions")) {
            return new Mentions();
        }
        Matcher st = STATS.matcher(t);
        if (st.matches()) {
            return new Stats(st.group(1) == null ? "" : st.group(1).strip(), Optional.of(t));
        }
        Matcher unmute = UNMUTE.matcher(t);
        if (unmute.matches()) {
            return new Unmute(unmute.group(1));
        }
        Matcher m = ID_COMMAND.matcher(t);
        if (m.matches()) {
            String verb = m.group(1).toLowerCase(Locale.ROOT);
            String id = m.group(2);
            String arg = m.group(3) == null ? "" : m.group(3).strip();
            return switch (verb) {
                // "done 12 things I learned" is a draft
                case "done" -> arg.isEmpty() ? new Done(id) : new Review(Draft.of(t));
                case "dismiss" -> arg.isEmpty() ? new Dismiss(id) : new Review(Draft.of(t));
                case "snooze" -> new Snooze(id, arg);
                default -> new Assign(id, arg);
            };
        }
        if (t.startsWith("-")) {
            // options in front of the draft, as with candor review: -p x --reply-to "…" draft
            CoachOptions.Parsed parsed = CoachOptions.parse(t, prompts);
            return parsed instanceof CoachOptions.Ok ok ? new Review(ok.draft()) : new Bad(((CoachOptions.Bad) parsed).message());
        }
        return new Review(Draft.of(t));
    }
}
