package io.candor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.candor.platform.Platform;
import io.candor.prompts.Prompts;
import io.candor.render.ReviewJson;
import io.candor.render.ReviewText;
import io.candor.review.Draft;
import io.candor.review.DraftKind;
import io.candor.review.DraftReviewer;
import io.candor.review.Review;
import io.candor.review.Reviewer;
import io.candor.review.Severity;
import io.candor.review.Writer;
import io.candor.store.Database;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code candor review}: one draft, or a JSONL batch, reviewed on the terminal. */
@Command(name = "review", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Review a draft post or reply and coach it: what is good, what to look at, and a question for each.",
                "Nothing is ever posted anywhere."},
        footer = {"", "Examples:",
                "  candor review --platform linkedin --platform x --text \"Big news! ...\"",
                "  candor review --reply-to \"Does the app work offline?\" --text \"Try our Pro plan! DM me\"",
                "  echo \"Check this out\" | candor review -",
                "  candor review --batch drafts.jsonl --format json",
                "  candor review --db team.db --no-remember --text \"Reposting: big news!\"",
                "  candor review --team acme --author ci --batch posts.jsonl --fail-on warning",
                "", "Batch input: one JSON object a line, {\"id\", \"text\", \"platforms\"?, \"reply_to\"?, \"kind\"?, \"thread\"?, \"author\"?, \"team\"?};",
                "output: one line a draft, {\"id\", \"findings\": [...]} or {\"id\", \"error\"}, in input order.",
                "Each draft is compared with the team's history (earlier batch lines included) and then remembered.",
                "Exit codes: 0 reviewed, 1 a finding at or above --fail-on, 2 bad input,",
                "75 a 'candor daemon' stopped in the middle of this review (run it again)."})
public final class ReviewCommand implements Callable<Integer> {
    public enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Option(names = {"-t", "--text"}, paramLabel = "TEXT", description = "The draft itself.")
    String text;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "Read the draft from FILE, or from standard input when FILE is '-'.")
    String file;

    @Option(names = {"-p", "--platform"}, paramLabel = "PLATFORM", split = ",", completionCandidates = Completions.Platforms.class,
            description = "Where the draft will be posted; repeat for several (x/twitter, bluesky, threads, mastodon, instagram, linkedin, facebook, "
                    + "tiktok, youtube, youtube-title, youtube-post, pinterest, pinterest-title, reddit, reddit-title).")
    List<String> platforms = new ArrayList<>();

    @Option(names = {"-r", "--reply-to"}, paramLabel = "TEXT",
            description = "The message this draft answers, so the reply can be checked against it.")
    String replyTo;

    @Option(names = {"-k", "--kind"}, paramLabel = "KIND", completionCandidates = Completions.Kinds.class,
            description = "What the draft is: post (on your own feed), reply (to a message), or comment (under someone else's content). Default: reply with --reply-to, else post.")
    String kind;

    @Option(names = "--thread",
            description = "Review the draft as a thread (X, Bluesky, Threads, Mastodon), part by part: parts are split on blank lines or numbered 1/, 2/ (a numbered thread is recognised anyway).")
    boolean thread;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text (for people, the default) or json (one object a draft).")
    Format format;

    @Option(names = {"-b", "--batch"}, paramLabel = "FILE.jsonl",
            description = "Review every line of a JSONL file in one run.")
    Path batch;

    @Mixin
    DataOptions where;

    @Option(names = "--no-remember",
            description = "Compare with the history but store nothing (batch lines are then not compared with each other either).")
    boolean noRemember;

    @Option(names = "--author", paramLabel = "NAME",
            description = "Who is writing (default: your login name); history never calls your own re-review a repeat.")
    String author;

    @Option(names = "--team", paramLabel = "NAME", defaultValue = "",
            description = "Whose history to compare with and add to (default: the terminal's, empty), e.g. in CI.")
    String team;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", completionCandidates = Completions.Severities.class,
            description = "Exit with 1 when any finding is at least this severe (hint, warning, problem); for CI.")
    String failOn;

    @Override
    public Integer call() throws IOException {
        Database.preload(); // class loading for the database starts while the settings are read
        try (BotWiring app = where.app(Clock.systemDefaultZone())) {
            return review(app);
        }
    }

    private int review(BotWiring app) throws IOException {
        DraftReviewer reviewer = app.commandLineReviewer(!noRemember);
        Reviewer rules = app.rules();
        Prompts prompts = rules.prompts();
        Severity threshold = failOn == null ? null : parseSeverity(failOn);
        List<Platform> targets = parsePlatforms(platforms, prompts);
        DraftKind draftKind = parseKind(kind, replyTo, prompts);
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16));
        try {
            if (batch != null) {
                if (text != null || file != null) {
                    throw new UserError("--batch reads its drafts from the file; leave out --text and FILE.");
                }
                BatchRun run = new BatchRun(reviewer, prompts, rules.settings().maxChars(), format, out, targets, writer(), team);
                run.defaults(draftKind, thread);
                if (noRemember || !app.settings().history().enabled()) {
                    run.parallel(); // nothing is remembered, so no line's review waits for the one before
                }
                run.run(batch);
                if (run.badLines() > 0) {
                    return 2; // bad input, as for a single draft; each bad line said why on stderr
                }
                return threshold != null && run.worst() != null && run.worst().compareTo(threshold) >= 0 ? 1 : 0;
            }
            String draft = readDraft(prompts);
            int max = rules.settings().maxChars();
            if (io.candor.text.TextNormalizer.isBlank(draft)) {
                throw new UserError(prompts.render("cli:empty"));
            }
            if (draft.length() > max) {
                throw new UserError(prompts.render("cli:too-long", Map.of("length", draft.length(), "max", max)));
            }
            if (replyTo != null && replyTo.length() > max) {
                throw new UserError(prompts.render("cli:reply-too-long", Map.of("length", replyTo.length(), "max", max)));
            }
            Draft d = new Draft(draft, targets, Optional.ofNullable(replyTo), Writer.cli(writer(), team.strip()),
                    draftKind, thread);
            Review r = reviewer.review(d);
            if (format == Format.json) {
                out.println(LoneSurrogates.inJson(ReviewJson.toJson(null, r).toString()));
            } else {
                out.print(LoneSurrogates.inText(ReviewText.render(r, prompts)));
            }
            return threshold != null && r.findings().stream().anyMatch(f -> f.severity().compareTo(threshold) >= 0) ? 1 : 0;
        } finally {
            out.flush();
        }
    }

    private String writer() {
        return author == null ? System.getProperty("user.name", "") : author.strip();
    }

    private String readDraft(Prompts prompts) throws IOException {
        if (text != null && file != null) {
            throw new UserError("Give the draft once: either --text or FILE, not both.");
        }
        if (text != null) {
            return text;
        }
        if (file == null) {
            throw new UserError(prompts.render("cli:no-input"));
        }
        byte[] bytes;
        try {
            bytes = file.equals("-") ? System.in.readAllBytes() : Files.readAllBytes(Path.of(file));
        } catch (IOException e) {
            throw new UserError(prompts.render("cli:file-missing", Map.of("path", file, "why", reason(e))));
        }
        String where = file.equals("-") ? "standard input" : file;
        Optional<String> problem = TextInput.problem(bytes);
        if (problem.isPresent()) {
            throw new UserError(prompts.render("cli:" + problem.get(), Map.of("where", where)));
        }
        try {
            return TextInput.decode(bytes);
        } catch (CharacterCodingException e) {
            throw new UserError(prompts.render("cli:not-utf8", Map.of("where", where)));
        }
    }

    static String reason(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    static List<Platform> parsePlatforms(List<String> names, Prompts prompts) {
        List<Platform> out = new ArrayList<>();
        for (String n : names) {
            if (n.isBlank()) {
                continue;
            }
            out.add(Platform.find(n).orElseThrow(() -> new UserError(prompts.render("cli:unknown-platform",
                    Map.of("name", n.strip(), "known", Platform.known())))));
        }
        return out;
    }

    static List<Platform> parsePlatforms(JsonNode node, Prompts prompts) {
        List<String> names = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> names.add(n.asText()));
        } else if (node.isTextual()) {
            names.addAll(List.of(node.asText().split(",")));
        }
        return parsePlatforms(names, prompts);
    }

    /** post, reply or comment; null (inferred from the message answered) when not given. */
    static DraftKind parseKind(String kind, String replyTo, Prompts prompts) {
        if (kind == null) {
            return null;
        }
        DraftKind k;
        try {
            k = DraftKind.parse(kind);
        } catch (IllegalArgumentException e) {
            throw new UserError(prompts.render("cli:bad-kind", Map.of("kind", kind)));
        }
        if (k == DraftKind.POST && replyTo != null && !replyTo.isBlank()) {
            throw new UserError(prompts.render("cli:post-with-reply"));
        }
        return k;
    }

    private static Severity parseSeverity(String s) {
        try {
            return Severity.parse(s);
        } catch (IllegalArgumentException e) {
            throw new UserError("--fail-on takes hint, warning or problem, not '" + s + "'");
        }
    }
}
