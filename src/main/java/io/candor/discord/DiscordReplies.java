package io.candor.discord;

import io.candor.chat.Feedback;
import io.candor.chat.Markup;
import io.candor.chat.Reply;
import io.candor.prompts.Prompts;
import io.candor.review.Finding;
import io.candor.review.Review;
import io.candor.review.Strength;
import io.candor.text.Clip;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * Turns the core's neutral {@link Reply} into a Discord message: plain text, an embed for a
 * review (verdict, strengths, findings by category with the quoted words) or for a list of
 * mentions, with buttons. Everything is cut to Discord's limits, with a note saying so,
 * because Discord rejects the whole message when one limit is passed.
 */
final class DiscordReplies {
    static final int CONTENT_MAX = 2000;
    static final int TITLE_MAX = 256;
    static final int DESCRIPTION_MAX = 4096;
    static final int FIELD_NAME_MAX = 256;
    static final int FIELD_VALUE_MAX = 1024;
    static final int FOOTER_MAX = 2048;
    static final int EMBED_MAX = 6000;
    static final int FIELDS_MAX = 25;
    static final int ROWS_MAX = 5;
    static final int QUOTE_MAX = 80;
    static final int STRENGTHS_MAX_WITH_FINDINGS = 1500;
    /** Candor's neutral markup is Discord's own Markdown already. */
    private static final Markup.Style MARKDOWN = new Markup.Style() {
        @Override
        public String plain(String s) {
            return s;
        }

        @Override
        public String bold(String s) {
            return "**" + s + "**";
        }

        @Override
        public String code(String s) {
            return "`" + s + "`";
        }
    };
    private static final Comparator<Finding> BY_CATEGORY =
            Comparator.comparing(Finding::category).thenComparing(Review.ORDER);

    private final Prompts prompts;

    DiscordReplies(Prompts prompts) {
        this.prompts = prompts;
    }

    /** @param team the guild the reply belongs to; mention buttons carry it into DMs */
    MessageCreateData render(Reply reply, String team) {
        return reply.accept(new Reply.Visitor<>() {
            @Override
            public MessageCreateData text(Reply.Text t) {
                return DiscordReplies.this.text(t.text());
            }

            @Override
            public MessageCreateData review(Reply.ReviewResult r) {
                return DiscordReplies.this.review(r.review(), team, r.postable());
            }

            @Override
            public MessageCreateData mentions(Reply.Mentions m) {
                return DiscordReplies.this.mentions(m, team);
            }

            @Override
            public MessageCreateData figures(Reply.Figures f) {
                return DiscordReplies.this.figures(f);
            }
        });
    }

    /** Stats: the text, with the chart attached (an ephemeral reply may carry files). */
    private MessageCreateData figures(Reply.Figures f) {
        MessageCreateData text = text(f.text());
        if (f.chart().isEmpty()) {
            return text;
        }
        Reply.Chart c = f.chart().get();
        return builder().setContent(text.getContent())
                .addFiles(net.dv8tion.jda.api.utils.FileUpload.fromData(c.png(), c.fileName()).setDescription(c.altText()))
                .build();
    }

    MessageCreateData text(String text) {
        String md = Markup.render(text, MARKDOWN);
        return builder().setContent(cutWithNote(md, CONTENT_MAX)).build();
    }

    private MessageCreateData review(Review review, String team, boolean postable) {
        String title = cut(review.verdictText(), TITLE_MAX);
        String footerBase = cut(String.join("\n", withNeverPosts(review.notes())), FOOTER_MAX / 2);
        int reserve = prompts.render("review:truncated", Map.of("hidden", 999)).length() + 1;

        StringBuilder desc = new StringBuilder("**").append(prompts.render("review:heading.good")).append("**\n");
        if (review.strengths().isEmpty()) {
            desc.append(prompts.render("review:nothing-good"));
        } else {
            for (Strength s : review.strengths()) {
                desc.append("• ").append(s.message()).append('\n');
            }
        }
        // what to look at matters more than what is good, so strengths never crowd out findings
        int descMax = review.findings().isEmpty() ? DESCRIPTION_MAX : STRENGTHS_MAX_WITH_FINDINGS;
        String description = cutWithNote(desc.toString().strip(), descMax);

        EmbedBuilder embed = new EmbedBuilder().setTitle(title).setDescription(description)
                .setColor(colour(review));
        int budget = EMBED_MAX - title.length() - description.length() - footerBase.length() - reserve;
        List<Finding> ordered = review.findings().stream().sorted(BY_CATEGORY).toList();
        Map<String, Integer> firstNumberOfRule = new LinkedHashMap<>();
        int shown = 0;
        for (Finding f : ordered) {
            int number = shown + 1;
            String name = cut(findingTitle(review, f, number), FIELD_NAME_MAX);
            String value = cut(prompts.render("discord:finding-body",
                    Map.of("message", f.message(), "question", f.question())), FIELD_VALUE_MAX);
            if (shown == FIELDS_MAX || name.length() + value.length() > budget) {
                break;
            }
            budget -= name.length() + value.length();
            embed.addField(name, value, false);
            firstNumberOfRule.putIfAbsent(f.rule(), number);
            shown++;
        }
        int hidden = ordered.size() - shown;
        String footer = hidden > 0
                ? prompts.render("review:truncated", Map.of("hidden", hidden)) + "\n" + footerBase : footerBase;
        embed.setFooter(footer);

        List<ActionRow> rows = new ArrayList<>();
        for (Map.Entry<String, Integer> e : firstNumberOfRule.entrySet()) {
            if (rows.size() == (postable ? ROWS_MAX - 1 : ROWS_MAX)) {
                break;
            }
            rows.add(ActionRow.of(
                    feedbackButton(team, Feedback.HELPFUL, e.getKey(), e.getValue(), "review:button.helpful"),
                    feedbackButton(team, Feedback.NOT_HELPFUL, e.getKey(), e.getValue(), "review:button.not-helpful"),
                    feedbackButton(team, Feedback.MUTE, e.getKey(), e.getValue(), "review:button.mute")));
        }
        if (postable) {
            String id = new ButtonId.Posted(team, io.candor.chat.PostLog.keyOf(review.draft().text())).encode();
            rows.add(ActionRow.of(Button.primary(id, cut(prompts.render("review:button.posted"), Button.LABEL_MAX_LENGTH))));
        }
        MessageCreateBuilder b = builder().setEmbeds(embed.build());
        if (!rows.isEmpty()) {
            b.setComponents(rows);
        }
        return b.build();
    }

    private String findingTitle(Review review, Finding f, int number) {
        String text = review.draft().text();
        String quote = f.end() > f.start() && f.end() <= text.length()
                ? cut(text.substring(f.start(), f.end()).replaceAll("\\s+", " ").strip(), QUOTE_MAX) : "";
        Map<String, Object> vars = new HashMap<>();
        vars.put("number", number);
        vars.put("category", prompts.render("review:heading.category." + f.category().id()));
        vars.put("severity", prompts.render("review:heading.severity." + f.severity().name().toLowerCase(java.util.Locale.ROOT)));
        vars.put("hasQuote", !quote.isEmpty());
        vars.put("quote", quote);
        return prompts.render("discord:finding-title", vars);
    }

    private Button feedbackButton(String team, Feedback kind, String rule, int number, String labelKey) {
        String label = cut(prompts.render("discord:button-label",
                Map.of("number", number, "label", prompts.render(labelKey))), Button.LABEL_MAX_LENGTH);
        String id = new ButtonId.OnRule(kind, team, rule).encode();
        return kind == Feedback.MUTE ? Button.danger(id, label)
                : kind == Feedback.HELPFUL ? Button.success(id, label) : Button.secondary(id, label);
    }

    private MessageCreateData mentions(Reply.Mentions m, String team) {
        StringBuilder desc = new StringBuilder();
        int shown = 0;
        int room = DESCRIPTION_MAX - prompts.render("discord:more-mentions", Map.of("hidden", 99_999)).length() - 2;
        for (Reply.MentionLine line : m.lines()) {
            Map<String, Object> vars = new HashMap<>();
            vars.put("id", line.id());
            vars.put("platform", nz(line.platform()));
            vars.put("author", nz(line.author()));
            vars.put("quote", cut(nz(line.quote()).replaceAll("\\s+", " "), 300));
            vars.put("age", nz(line.age()));
            vars.put("escalated", line.escalated());
            vars.put("unassigned", line.unassigned());
            vars.put("hasUrl", line.url() != null && !line.url().isBlank());
            vars.put("url", nz(line.url()));
            String entry = prompts.render("discord:mention-line", vars);
            if (desc.length() + entry.length() + 2 > room) {
                break;
            }
            desc.append(entry).append("\n\n");
            shown++;
        }
        int hidden = m.hidden(shown);
        if (hidden > 0) {
            desc.append(prompts.render("discord:more-mentions", Map.of("hidden", hidden)));
        }
        EmbedBuilder embed = new EmbedBuilder().setTitle(cut(m.heading(), TITLE_MAX));
        if (!desc.isEmpty()) {
            embed.setDescription(desc.toString().strip());
        }
        if (m.footer() != null && !m.footer().isBlank()) {
            embed.setFooter(cut(m.footer(), FOOTER_MAX));
        }
        List<ActionRow> rows = new ArrayList<>();
        for (Reply.MentionLine line : m.lines().subList(0, Math.min(shown, ROWS_MAX))) {
            rows.add(ActionRow.of(
                    Button.success(new ButtonId.OnMention(true, team, line.id()).encode(),
                            cut(prompts.render("discord:mention-button.done", Map.of("id", line.id())), Button.LABEL_MAX_LENGTH)),
                    Button.secondary(new ButtonId.OnMention(false, team, line.id()).encode(),
                            cut(prompts.render("discord:mention-button.snooze", Map.of("id", line.id())), Button.LABEL_MAX_LENGTH))));
        }
        MessageCreateBuilder b = builder().setEmbeds(embed.build());
        if (!rows.isEmpty()) {
            b.setComponents(rows);
        }
        return b.build();
    }

    /** Candor never pings anyone: a quoted draft with @everyone stays quiet text. */
    private static MessageCreateBuilder builder() {
        return new MessageCreateBuilder().setAllowedMentions(EnumSet.noneOf(Message.MentionType.class));
    }

    private List<String> withNeverPosts(List<String> notes) {
        List<String> all = new ArrayList<>(notes);
        all.add(prompts.render("review:never-posts"));
        return all;
    }

    private static int colour(Review r) {
        return switch (r.verdict()) {
            case READY -> 0x2E7D32;
            case ANOTHER_LOOK -> 0xF9A825;
            case RETHINK -> 0xC62828;
        };
    }

    private String cutWithNote(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        String note = prompts.render("discord:cut");
        return cut(s, max - note.length() - 1) + "\n" + note;
    }

    static String cut(String s, int max) {
        return Clip.withEllipsis(s, max);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
