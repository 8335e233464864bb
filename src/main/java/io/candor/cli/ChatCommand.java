package io.candor.cli;

import io.candor.chat.CoachBot;
import io.candor.mention.People;
import io.candor.mention.Person;
import io.candor.prompts.Prompts;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code candor chat}: the whole bot in the terminal, no Slack or Discord account needed. */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = {"Try the whole bot in the terminal, no Slack or Discord needed.",
                "Review drafts with /coach, post mentions into a simulated #mentions channel, reply in",
                "their threads, mark them done, see the reminders."},
        footer = {"", "Mentions live in memory unless --db is given. Without people: in the settings, you get a",
                "demo team: you and two teammates. On a terminal, lines can be edited and the up arrow",
                "brings back earlier ones (kept for this session only: drafts are not written to disk)."})
public final class ChatCommand implements Callable<Integer> {
    /** Teammates of the demo team, when the settings name nobody. */
    static final List<String> DEMO_TEAMMATES = List.of("bob", "carol", "dana");

    @Option(names = "--as", paramLabel = "NAME", description = "Who you are (a name from people:, default: your user name).")
    String as;

    @Mixin
    DataOptions where;

    @Override
    public Integer call() throws Exception {
        QuietLogs.forInteractiveUse();
        Settings settings = where.settings();
        String location = where.db != null ? where.db : "jdbc:h2:mem:chat-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Clock clock = Clock.systemUTC();
        String me = as != null && !as.isBlank() ? as.strip() : System.getProperty("user.name", "you");
        boolean demo = settings.people().isEmpty();
        People people = demo ? demoTeam(me) : settings.team();
        // the same bot as in Slack and Discord: drafts are compared with what was reviewed before
        try (BotWiring app = BotWiring.of(settings, location, System.getenv(), clock, people)) {
            String note = demo ? demoNote(app.prompts(), people) : null;
            CoachBot bot = app.bot();
            if (System.console() != null) {
                try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
                    LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("candor").build();
                    // "Big news!" is a draft, not a history event to expand
                    reader.setOpt(LineReader.Option.DISABLE_EVENT_EXPANSION);
                    boolean ansi = !Terminal.TYPE_DUMB.equals(terminal.getType())
                            && !Terminal.TYPE_DUMB_COLOR.equals(terminal.getType()) && System.getenv("NO_COLOR") == null;
                    try (TerminalChat chat = new TerminalChat(prompt -> read(reader, prompt), terminal.writer(), ansi, bot,
                            app.reminders(), clock, me)) {
                        chat.run(note);
                    }
                }
            } else {
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
                try (TerminalChat chat = new TerminalChat(in, out, bot, app.reminders(), clock, me)) {
                    chat.run(note);
                }
            }
        }
        return 0;
    }

    /** What the terminal says first when it made up a team: who is in it. */
    private static String demoNote(Prompts prompts, People people) {
        List<String> names = people.all().stream().map(Person::name).toList();
        return prompts.render("chat:terminal.demo-people", Map.of("names", String.join(", ", names), "other", names.get(1)));
    }

    /** A line from JLine; Ctrl-D leaves, Ctrl-C clears a half-typed line and leaves on an empty one. */
    private static String read(LineReader reader, String prompt) {
        try {
            return reader.readLine(prompt);
        } catch (EndOfFileException e) {
            return null;
        } catch (UserInterruptException e) {
            return e.getPartialLine() == null || e.getPartialLine().isBlank() ? null : "";
        }
    }

    /** You and two teammates, all reached in this terminal. */
    static People demoTeam(String me) {
        List<Person> team = new ArrayList<>();
        team.add(new Person(me, null, null, null));
        for (String n : DEMO_TEAMMATES) {
            if (team.size() < 3 && !n.equalsIgnoreCase(me)) {
                team.add(new Person(n, null, null, null));
            }
        }
        return new People(team);
    }
}
