package io.candor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.candor.identity.PersonRef;
import io.candor.mention.MentionLines;
import io.candor.mention.MentionView;
import io.candor.mention.MentionsModule;
import io.candor.mention.Person;
import io.candor.mention.model.Mention;
import io.candor.mention.model.MentionState;
import io.candor.prompts.Prompts;
import io.candor.store.MentionStore;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code candor mentions list}: the team's mentions outside chat, for a person or a tool. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List the mentions, oldest first: those still waiting for an answer (the default) or all of them.",
                "Ages count business hours, as in the reminders. Reads the database; changes nothing."},
        footer = {"", "Examples:", "  candor mentions list", "  candor mentions list --all --person alice --format csv",
                "  candor mentions list --format json | jq '.[] | select(.assignee == null)'",
                "", "Exit codes: 0 listed (also when there are none), 2 bad input."})
final class MentionsList implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    static final class Which {
        @Option(names = "--open", description = "Only mentions still waiting: open or in progress (the default).")
        boolean open;

        @Option(names = "--all", description = "Every mention, answered and dismissed ones too.")
        boolean all;

        @Option(names = "--state", paramLabel = "STATE", completionCandidates = Completions.MentionStates.class, description = "open, in_progress, answered, dismissed or all.")
        String state;
    }

    @ArgGroup(exclusive = true)
    Which which = new Which();

    @Option(names = "--person", paramLabel = "NAME", description = "Only this person's mentions (a name from people:, or 'nobody').")
    String person;

    @Option(names = "--format", paramLabel = "FORMAT", completionCandidates = Completions.TableFormats.class, description = "text (default), json or csv.")
    String format = "text";

    @Option(names = "--limit", paramLabel = "N", description = "At most N mentions (default 1000).")
    int limit = 1000;

    @Mixin
    DataOptions where;

    @Override
    public Integer call() throws Exception {
        QuietLogs.forInteractiveUse();
        try (BotWiring app = where.app()) {
            return list(app);
        }
    }

    private int list(BotWiring app) throws Exception {
        Prompts prompts = app.prompts();
        String stateName = which.all ? "all" : which.state != null ? which.state : "open";
        List<MentionState> states = MentionView.states(stateName).orElseThrow(() ->
                new UserError(prompts.render("mentions:list.bad-state", Map.of("value", stateName))));
        String fmt = format.strip().toLowerCase(Locale.ROOT);
        if (!List.of("text", "json", "csv").contains(fmt)) {
            throw new UserError(prompts.render("mentions:list.bad-format", Map.of("value", format)));
        }
        if (limit < 1) {
            throw new UserError("--limit must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        List<Mention> found = List.of(); // nothing was ever stored without a database; none is created to say so
        boolean more = false;
        if (app.databaseMissing() && person != null) {
            throw unknownPerson(app);
        }
        if (!app.databaseMissing()) {
            MentionsModule m = app.mentions();
            found = m.store().listed(states, owner(m, app), limit + 1);
            more = found.size() > limit;
            found = found.subList(0, Math.min(found.size(), limit));
        }
        switch (fmt) {
            case "json" -> {
                ObjectMapper json = new ObjectMapper();
                ArrayNode arr = json.createArrayNode();
                found.forEach(x -> arr.add(MentionView.json(x)));
                out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(arr));
            }
            case "csv" -> {
                out.println(MentionView.csvLine(MentionView.CSV_COLUMNS));
                found.forEach(x -> out.println(MentionView.csvLine(MentionView.csv(x))));
            }
            default -> text(out, app, found, stateName, more);
        }
        out.flush();
        return 0;
    }

    /** Whose mentions --person asks for: anyone's without it. */
    private MentionStore.Whose owner(MentionsModule m, BotWiring app) {
        if (person == null) {
            return MentionStore.Whose.ANYONE;
        }
        String p = person.strip();
        if (p.equalsIgnoreCase("nobody") || p.equalsIgnoreCase("none")) {
            return MentionStore.Whose.NOBODY;
        }
        Optional<PersonRef> key = m.people().assigneeFor(p);
        if (key.isPresent()) {
            return MentionStore.Whose.of(key.get());
        }
        PersonRef stored = PersonRef.parse(p);
        if (m.store().hasAssignee(stored)) {
            return MentionStore.Whose.of(stored);
        }
        throw unknownPerson(app);
    }

    private UserError unknownPerson(BotWiring app) {
        List<String> names = app.settings().people().stream().map(Person::name).toList();
        return new UserError(app.prompts().render("mentions:list.unknown-person",
                Map.of("name", person, "known", names.isEmpty() ? "-" : String.join(", ", names))));
    }

    private void text(PrintWriter out, BotWiring app, List<Mention> found, String state, boolean more) {
        Prompts prompts = app.prompts();
        Map<String, Object> head = new HashMap<>();
        head.put("count", found.size());
        head.put("more", more);
        head.put("person", io.candor.mention.Flag.of(person == null ? "" : person));
        head.put("state", state);
        if (found.isEmpty()) {
            out.println(prompts.render("mentions:list.none", head));
            return;
        }
        out.println(prompts.render("mentions:list.heading", head));
        io.candor.mention.People people = app.mentions().people();
        MentionLines text = app.mentionLines();
        Instant now = Instant.now();
        for (Mention x : found) {
            var line = text.line(x, now);
            Map<String, Object> v = new HashMap<>();
            v.put("id", x.id());
            v.put("state", x.state().id().replace('_', ' '));
            v.put("age", line.age());
            v.put("platform", line.platform());
            v.put("author", line.author());
            v.put("owner", io.candor.mention.Flag.of(x.assignee().map(people::display).orElse("")));
            v.put("quote", line.quote());
            v.put("url", io.candor.mention.Flag.of(line.url()));
            out.println("  " + prompts.render("mentions:list.line", v));
        }
        if (more) {
            out.println(prompts.render("mentions:list.more", Map.of("limit", limit)));
        }
    }
}
