package io.candor.cli;

import io.candor.chat.ChatUser;
import io.candor.chat.Reply;
import io.candor.identity.SurfaceKind;
import io.candor.mention.MentionTracker;
import io.candor.mention.model.Mention;
import io.candor.prompts.Prompts;
import io.candor.render.ReplyText;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code candor mentions close|assign|dismiss|snooze|reopen MENTION}: what people do to a mention
 * in chat, from the command line, with the chat's checks and its answers. A mention is named by
 * Candor's number ({@code 12}, {@code #12}) or by its platform and the platform's own id
 * ({@code x 1799}), as the HTTP API names it.
 */
abstract class MentionsChange implements Callable<Integer> {
    @Parameters(arity = "1..2", paramLabel = "MENTION",
            description = "Candor's number (12 or #12), or PLATFORM SOURCE-ID (x 1799).")
    List<String> mention;

    @Option(names = "--as", paramLabel = "NAME",
            description = "Who does it, as the mention's history will say (default: your login name).")
    String as = System.getProperty("user.name", "someone");

    @Mixin
    DataOptions where;

    /** Checks what only this command takes, before anything changes; throws a {@link UserError}. */
    void check(MentionTracker tracker, Prompts prompts) {
    }

    abstract Reply change(MentionTracker tracker, ChatUser who, String id);

    @Override
    public Integer call() {
        QuietLogs.forInteractiveUse();
        try (BotWiring app = where.app()) {
            Prompts prompts = app.prompts();
            if (app.databaseMissing()) {
                throw notFound(prompts); // no database yet: no mention either, and none is created
            }
            MentionTracker tracker = app.mentions().tracker();
            Mention target = find(tracker, prompts);
            check(tracker, prompts);
            ChatUser who = ChatUser.of(SurfaceKind.CLI, "", as, as);
            System.out.println(ReplyText.render(change(tracker, who, Long.toString(target.id())), prompts));
            return 0;
        }
    }

    private Mention find(MentionTracker tracker, Prompts prompts) {
        Optional<Mention> m = mention.size() == 2
                ? tracker.store().findBySource(platform(), mention.get(1).strip())
                : tracker.store().find(Long.parseLong(number(prompts)));
        return m.orElseThrow(() -> notFound(prompts));
    }

    private String platform() {
        return mention.get(0).strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** Candor's number, without a leading #; a {@link UserError} when it is not one. */
    private String number(Prompts prompts) {
        String n = mention.get(0).strip().replaceFirst("^#", "");
        if (!n.matches("\\d{1,18}")) {
            throw new UserError(prompts.render("mentions:change.bad-ref", Map.of("value", mention.get(0))));
        }
        return n;
    }

    private UserError notFound(Prompts prompts) {
        return new UserError(mention.size() == 2
                ? prompts.render("mentions:change.unknown-source", Map.of("platform", platform(), "id", mention.get(1).strip()))
                : prompts.render("mentions:change.unknown-id", Map.of("id", number(prompts))));
    }

    @Command(name = "close", mixinStandardHelpOptions = true,
            description = "Mark a mention answered (someone replied on the platform; Candor sends nothing).",
            footer = {"", "Examples:", "  candor mentions close 12", "  candor mentions close x 1799 --as alice",
                    "", "Exit codes: 0 done (or already closed), 2 an unknown mention or bad input."})
    static final class Close extends MentionsChange {
        @Override
        Reply change(MentionTracker tracker, ChatUser who, String id) {
            return tracker.done(who, id);
        }
    }

    @Command(name = "dismiss", mixinStandardHelpOptions = true,
            description = "Dismiss a mention that needs no answer: it leaves the reminders.",
            footer = {"", "Examples:", "  candor mentions dismiss 12", "  candor mentions dismiss bluesky 3kq2x7",
                    "", "Exit codes: 0 done (or already closed), 2 an unknown mention or bad input."})
    static final class Dismiss extends MentionsChange {
        @Override
        Reply change(MentionTracker tracker, ChatUser who, String id) {
            return tracker.dismiss(who, id);
        }
    }

    @Command(name = "reopen", mixinStandardHelpOptions = true,
            description = "Put an answered or dismissed mention back on the list, waiting for an answer.",
            footer = {"", "Examples:", "  candor mentions reopen 12", "",
                    "Exit codes: 0 done (or still waiting), 2 an unknown mention or bad input."})
    static final class Reopen extends MentionsChange {
        @Override
        Reply change(MentionTracker tracker, ChatUser who, String id) {
            return tracker.reopen(who, id);
        }
    }

    @Command(name = "assign", mixinStandardHelpOptions = true,
            description = "Give a mention to someone (a name from people:, or someone Candor has met in chat).",
            footer = {"", "Examples:", "  candor mentions assign 12 --to bob", "  candor mentions assign x 1799 --to alice",
                    "", "Exit codes: 0 done, 2 an unknown mention or person, or bad input."})
    static final class Assign extends MentionsChange {
        @Option(names = "--to", required = true, paramLabel = "PERSON", description = "Who takes it.")
        String person;

        @Override
        void check(MentionTracker tracker, Prompts prompts) {
            if (tracker.people().assigneeFor(person).isEmpty()) {
                throw new UserError(prompts.render("mentions:unknown-person",
                        Map.of("name", person, "known", tracker.knownPeople())));
            }
        }

        @Override
        Reply change(MentionTracker tracker, ChatUser who, String id) {
            return tracker.assign(who, id, person);
        }
    }

    @Command(name = "snooze", mixinStandardHelpOptions = true,
            description = "Keep a mention out of the reminders for a while.",
            footer = {"", "Examples:", "  candor mentions snooze 12", "  candor mentions snooze x 1799 --for 4h",
                    "", "Exit codes: 0 done, 2 an unknown mention, a bad length or bad input."})
    static final class Snooze extends MentionsChange {
        @Option(names = "--for", paramLabel = "LENGTH", description = "30m, 4h, 1d or 2w (default: ${DEFAULT-VALUE}).")
        String length = "1d";

        @Override
        void check(MentionTracker tracker, Prompts prompts) {
            if (MentionTracker.snoozeLength(length).isEmpty()) {
                throw new UserError(prompts.render("mentions:change.snooze-usage", Map.of("value", length)));
            }
        }

        @Override
        Reply change(MentionTracker tracker, ChatUser who, String id) {
            return tracker.snooze(who, id, length);
        }
    }
}
