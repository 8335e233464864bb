package io.candor.cli;

import io.candor.chat.ChatPort;
import io.candor.chat.ChatUser;
import io.candor.chat.Reply;
import io.candor.identity.SurfaceKind;
import io.candor.prompts.Prompts;
import io.candor.remind.ChatRouter;
import io.candor.remind.ReminderService;
import io.candor.remind.RemindersModule;
import io.candor.render.ReplyText;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code candor remind --dry-run [--at …]}: exactly what the reminders would say, to whom, without sending. */
@Command(name = "remind", mixinStandardHelpOptions = true,
        description = {"Show the daily reminders due at a moment: each person's DM and the team summary.",
                "Nothing is sent and nothing is recorded; `candor serve` sends them at their time."},
        footer = {"", "Examples:", "  candor remind --dry-run", "  candor remind --dry-run --at next",
                "  candor remind --dry-run --at 2026-11-23T09:30"})
public final class RemindCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dry-run", description = "Print what would be sent (required: this command never sends).")
    boolean dryRun;

    @Option(names = "--at", paramLabel = "WHEN", description = {"In the team's zone: next (the next time anyone gets one), now, tomorrow,",
            "14:00 (today), 2026-11-23 (at the reminder time) or 2026-11-23T09:30 (default: now)."})
    String at;

    @Mixin
    DataOptions where;

    @Override
    public Integer call() {
        QuietLogs.forInteractiveUse();
        try (BotWiring app = where.app()) {
            Prompts prompts = app.prompts();
            if (!dryRun) {
                throw new UserError(prompts.render("mentions:dry.only-dry-run"));
            }
            PrintWriter out = spec.commandLine().getOut();
            RemindersModule m = app.reminders();
            ZoneId zone = m.settings().zoneId();
            // the surfaces `candor serve` would run; none is contacted here
            ChatPort nowhere = new ChatPort() {
                @Override
                public void sendDirect(ChatUser to, Reply reply) {
                }

                @Override
                public void postToChannel(String team, String channel, Reply reply) {
                }
            };
            ChatRouter router = m.router().add(SurfaceKind.SLACK, nowhere).add(SurfaceKind.DISCORD, nowhere);
            ReminderService service = m.reminders(router);
            Instant now = Instant.now();
            Instant when = now;
            if (at != null) {
                // the same moments the terminal chat's `remind --at` takes, `next` included
                when = RemindTimes.parse(at, now, m.settings(), from -> RemindTimes.slotsAfter(from, m.settings(), 21).stream()
                        .filter(t -> !service.preview(t).isEmpty()).findFirst()).orElseThrow(() -> new UserError(
                        prompts.render(at.strip().equalsIgnoreCase("next") ? "chat:terminal.remind-none-waiting"
                                : "mentions:dry.bad-at", Map.of("value", at))));
                out.println(prompts.render("chat:terminal.remind-at", Map.of("at", RemindTimes.describe(when, zone))));
            }
            List<ReminderService.Planned> plan = service.preview(when);
            if (plan.isEmpty()) {
                out.println(prompts.render("mentions:dry.nothing", Map.of("at", RemindTimes.describe(when, zone),
                        "reason", Boolean.FALSE)));
                return 0;
            }
            for (ReminderService.Planned p : plan) {
                String name = p.outgoing().recipient().map(m.mentions().people()::display).orElse("");
                String line;
                if (p.target().isEmpty() && p.outgoing().summary()) {
                    line = prompts.render("mentions:dry.no-summary-channel");
                } else if (p.target().isEmpty()) {
                    line = prompts.render("mentions:dry.unreachable", Map.of("name", name, "sent", p.alreadySent()));
                } else if (p.outgoing().summary()) {
                    line = prompts.render("mentions:dry.to-channel", Map.of("where", p.target().get().describe(),
                            "sent", p.alreadySent()));
                } else {
                    line = prompts.render("mentions:dry.to-person", Map.of("name", name, "where", p.target().get().describe(),
                            "count", p.outgoing().mentions(), "sent", p.alreadySent()));
                }
                out.println(line);
                out.println(ReplyText.render(p.outgoing().reply(), prompts));
                out.println();
            }
            out.flush();
            return 0;
        }
    }
}
