package io.candor.render;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.candor.chat.Reply;
import io.candor.config.CandorConfig;
import io.candor.discord.DiscordJson;
import io.candor.history.History;
import io.candor.history.HistoryReviewer;
import io.candor.history.HistoryRules;
import io.candor.history.HistorySettings;
import io.candor.platform.Platform;
import io.candor.prompts.Prompts;
import io.candor.remind.TestClock;
import io.candor.render.ReplyText;
import io.candor.render.ReviewJson;
import io.candor.render.ReviewText;
import io.candor.render.TerminalMarkup;
import io.candor.review.Draft;
import io.candor.review.DraftKind;
import io.candor.review.Review;
import io.candor.review.Reviewer;
import io.candor.review.Writer;
import io.candor.slack.SlackJson;
import io.candor.stats.Period;
import io.candor.stats.StatsFormats;
import io.candor.stats.StatsReport;
import io.candor.stats.StatsText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Pins what a person sees for a dozen varied drafts, and a few other replies, on every
 * surface: {@code candor review} text and its JSON contract, the terminal chat, Slack Block
 * Kit and the Discord message. Golden files live in {@code src/test/resources/golden/<surface>/};
 * refresh them on purpose with {@code mvn -B test -Dtest=GoldenOutputsTest -Dgolden.update=true}.
 */
class GoldenOutputsTest {
    private static final CandorConfig CONFIG = CandorConfig.defaults();
    private static final Reviewer RULES = new Reviewer(CONFIG);
    private static final Prompts PROMPTS = RULES.prompts();
    private static final Instant NOW = Instant.parse("2026-03-04T15:00:00Z"); // a Wednesday
    private static final String LAUNCH =
            "Big news! Our spring collection is live: 40 new pieces made from recycled cotton. https://shop.example.com/spring";
    /** A support reply the writer (U1) already sent to @alice two hours before: sent to @bob, it is a template. */
    private static final String TEMPLATE = "@alice We'd love to help with this. Please DM us your order number and we'll sort it out.";
    private static final ObjectMapper SORTED = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT).enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private static History history;
    private static HistoryReviewer reviewer;

    /** Fifteen drafts that between them reach every category, kind and layout a review has. */
    static Map<String, Draft> drafts() {
        Map<String, Draft> d = new LinkedHashMap<>();
        d.put("post-everywhere", draft("We just shipped dark mode! Try it today and tell us what you think.",
                "linkedin", "x").withKind(DraftKind.POST));
        d.put("reply-pitch", draft("Use code SAVE20 for 20% off everything in the shop! Link in bio")
                .withReplyTo("When does the store open on Saturday?"));
        d.put("comment-self-promo", draft("Great video! Check out my channel for more tips like this, and subscribe!")
                .withKind(DraftKind.COMMENT));
        d.put("thread", draft("""
                1/ We tested 12 note-taking apps for a month. Here is what we learned.

                2/ Offline mode matters more than any feature list. Three apps lost edits on a train.

                3/ The #1 app is guaranteed to 10x your productivity. Follow for more!""", "x"));
        d.put("clean-reply", draft("Yes! Everything you saved stays on the phone, and edits sync when you reconnect. "
                + "Which phone are you on, Ana?").withReplyTo("Does the app work offline?"));
        d.put("bare-link", draft("Check this out! https://example.com/blog/2026/03/why-we-rebuilt-search"));
        d.put("pitch-post", draft("LAST CHANCE!!! Our Pro plan is 50% off until midnight. BUY NOW at https://shop.example.com",
                "facebook"));
        d.put("engagement-bait", draft("Like if you agree, and tag a friend who needs to hear this today!", "instagram"));
        d.put("non-english", draft("¡Hola a todos! Mañana abrimos la nueva tienda en el centro, os esperamos con café gratis."));
        d.put("history-copy", draft("Reposting: big news! Our spring collection is live: 40 new pieces made from recycled cotton 🌸 #spring",
                "x"));
        d.put("odd-unicode", draft("ch\u200beck out my ch\u0430nnel 🎉👩🏽‍💻 for *more* <tips> & _tricks_ ‏שלום‏ e\u0301t\u00e9"));
        d.put("reply-canned", draft("We apologize for any inconvenience. Please contact support@acme.example and our team will "
                + "get back to you. Thank you for your patience!").withReplyTo("your app deleted my notes AGAIN, this is the third time!!!"));
        d.put("reply-service", draft("@sam So sorry, that's on us: a sync bug hid notes edited offline this morning. They're back "
                + "after an update, and these steps restore anything still missing: https://help.acme.example/articles/restore-notes")
                .withReplyTo("@acme your app deleted my notes AGAIN, this is the third time!!!"));
        d.put("reply-template", draft(TEMPLATE.replace("@alice", "@bob"), "x").withReplyTo("@acme still waiting for my refund"));
        d.put("too-long-for-x", draft(("Our team spent the winter rebuilding search from scratch, and the difference is "
                + "easy to feel: results arrive as you type, typos are forgiven, and filters remember what you chose last time. ")
                .repeat(2) + "9 out of 10 customers say it is the best search in the world.", "x", "mastodon"));
        return d;
    }

    /** Replies that are not reviews: help with markup, a person's muted rules, a mention list, team stats. */
    static Map<String, Reply> others() {
        Map<String, Reply> r = new LinkedHashMap<>();
        r.put("help", Reply.text(PROMPTS.render("chat:help")));
        r.put("home-muted", Reply.text(PROMPTS.render("chat:home.muted",
                Map.of("rules", "claims.superlative, pitch.hype", "first", "claims.superlative"))));
        r.put("mentions", new Reply.Mentions("Your open mentions (2)", List.of(
                new Reply.MentionLine("12", "X", "@ana", "Does the app work offline? <asking for my *team*>",
                        "https://x.com/ana/status/1", "3 h", false),
                new Reply.MentionLine("15", "Bluesky", "@rui.bsky.social", "Still waiting on my refund & nobody answers",
                        "https://bsky.app/profile/rui/post/2", "2 d", true, true)),
                "`/coach done 12` marks one answered."));
        // a reminder carries a person's oldest lines and counts the rest; every surface says how many are left out
        r.put("reminder-backlog", new Reply.Mentions(PROMPTS.render("mentions:reminder.dm-heading", Map.of("name", "Ana",
                "count", 29, "one", false, "escalated", 3)), List.of(
                new Reply.MentionLine("3", "X", "@kim", "Is the summer sale still on?", "https://x.com/kim/status/3", "3 business days", true),
                new Reply.MentionLine("8", "Mastodon", "@lee@mastodon.social", "Where do I send feedback about the app?", "",
                        "2 business days", true)),
                PROMPTS.render("mentions:reminder.dm-footer"), 27));
        r.put("stats", new Reply.Figures(new StatsText(PROMPTS).render(stats(), Optional.empty()), Optional.empty()));
        return r;
    }

    private static StatsReport stats() {
        Period period = new Period(LocalDate.parse("2026-02-02"), LocalDate.parse("2026-03-01"), ZoneOffset.UTC);
        var replies = new StatsReport.Replies(9, 7, 1, 3.5, 11.0, 0.75, 2, List.of(1, 1, 0));
        var drafts = new StatsReport.Drafts(20, 11, 6, 3, 14, 8);
        return new StatsReport(period, NOW, 4.0, List.of("<4h", "4-24h", ">24h"),
                List.of(new StatsReport.Scope(StatsReport.Kind.TEAM, "team", "Team", replies, drafts)),
                List.of(new StatsReport.Week(LocalDate.parse("2026-02-02"), 4, 3, 1, 2, 5.0),
                        new StatsReport.Week(LocalDate.parse("2026-02-09"), 6, 4, 2, 1, null),
                        new StatsReport.Week(LocalDate.parse("2026-02-16"), 5, 4, 3, 3, 2.5),
                        new StatsReport.Week(LocalDate.parse("2026-02-23"), 5, 3, 2, 1, 1.0)),
                Optional.empty(), List.of(), List.of(new StatsReport.OldOpen(15, "bluesky", "Rui", 30.0)),
                List.of(new StatsReport.RuleFigure("pitch.unasked-offer", 5, 2, 1)), List.of(new StatsReport.MutedRule("claims.superlative", 1)));
    }

    private static Draft draft(String text, String... platforms) {
        return Draft.of(text).withPlatforms(Arrays.stream(platforms).map(p -> Platform.find(p).orElseThrow()).toList());
    }

    @BeforeAll
    static void openHistory() {
        HistorySettings s = CONFIG.section("history", HistorySettings.class);
        HistorySettings utc = new HistorySettings(s.enabled(), s.keepTextDays(), s.keepSignatureDays(), s.similarity(),
                s.containment(), s.minSharedWords(), s.minWholeWords(), s.minWords(), s.crossPlatformDays(), s.thanksMaxWords(),
                s.thanksCount(), s.thanksWindowHours(), s.thanksWords(), s.repostPrefixes(), s.shortWords(), s.quoteWords(),
                s.purgeEveryHours(), "UTC");
        TestClock clock = new TestClock(NOW.minusSeconds(143 * 3600)); // Thursday 16:00, six days before
        history = History.open("jdbc:h2:mem:golden-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", utc, clock);
        history.recordPosted(new Draft(LAUNCH, List.of(Platform.find("linkedin").orElseThrow()), Optional.empty(),
                Writer.stored("import", "team-1", "Maya")));
        clock.set(NOW.minusSeconds(2 * 3600));
        new HistoryReviewer(RULES, history, HistoryRules.load(CONFIG.rules()), clock, true).review(
                draft(TEMPLATE, "x").withReplyTo("@acme my parcel never arrived").by(Writer.stored("golden", "team-1", "U1")));
        clock.set(NOW);
        reviewer = new HistoryReviewer(RULES, history, HistoryRules.load(CONFIG.rules()), clock, false);
    }

    @AfterAll
    static void closeHistory() {
        history.close();
    }

    @TestFactory
    Stream<DynamicTest> everyDraftOnEverySurface() {
        List<DynamicTest> tests = new ArrayList<>();
        drafts().forEach((name, draft) -> {
            Review r = reviewer.review(draft.by(Writer.stored("golden", "team-1", "U1")));
            // as the bot sends it: an "I posted this" button when the draft went into the history
            Reply reply = new Reply.ReviewResult(r, r.notes().isEmpty());
            tests.add(DynamicTest.dynamicTest("text " + name,
                    () -> Golden.check("text", name + ".txt", ReviewText.render(r, PROMPTS))));
            tests.add(DynamicTest.dynamicTest("json " + name,
                    () -> Golden.check("json", name + ".json", ReviewJson.toJson(null, r).toString() + "\n")));
            tests.addAll(chatSurfaces(name, reply));
        });
        others().forEach((name, reply) -> tests.addAll(chatSurfaces(name, reply)));
        // `candor stats --format json|csv` as scripts read them: fields in the same order in every run
        tests.add(DynamicTest.dynamicTest("json stats", () -> Golden.check("json", "stats.json", StatsFormats.json(stats()) + "\n")));
        tests.add(DynamicTest.dynamicTest("csv stats", () -> Golden.check("text", "stats.csv", StatsFormats.csv(stats()))));
        return tests.stream();
    }

    private static List<DynamicTest> chatSurfaces(String name, Reply reply) {
        return List.of(
                DynamicTest.dynamicTest("terminal chat " + name, () -> Golden.check("chat", name + ".txt",
                        TerminalMarkup.render(ReplyText.render(reply, PROMPTS), false) + "\n")),
                DynamicTest.dynamicTest("slack " + name, () -> Golden.check("slack", name + ".json",
                        sorted(SlackJson.of(reply, PROMPTS)))),
                DynamicTest.dynamicTest("discord " + name, () -> Golden.check("discord", name + ".json",
                        sorted(DiscordJson.of(reply, PROMPTS, "team-1")))));
    }

    /** JSON with its keys in a fixed order and one field a line, so a change reads as a small diff. */
    private static String sorted(String json) {
        try {
            Object tree = SORTED.readValue(json, new TypeReference<Object>() { });
            return SORTED.writeValueAsString(tree) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
