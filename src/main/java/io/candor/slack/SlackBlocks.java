package io.candor.slack;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import io.candor.chat.Markup;
import io.candor.chat.Reply;
import io.candor.prompts.Prompts;
import io.candor.review.Category;
import io.candor.review.Finding;
import io.candor.review.Review;
import io.candor.review.Strength;
import io.candor.text.Clip;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders the core's neutral replies as Block Kit. Everything is cut to Slack's limits
 * (50 blocks a message, 3000 characters a section, 75 a button label) with a note saying
 * so, because an over-long message is rejected by Slack and the writer would get nothing.
 */
public final class SlackBlocks {
    static final int MAX_BLOCKS = 50;
    static final int MAX_SECTION = 3000;
    static final int MAX_BUTTON_TEXT = 75;
    static final int MAX_BUTTON_VALUE = 2000;
    static final int MAX_CONTEXT_ELEMENTS = 10;
    static final int MAX_QUOTE = 280;
    /** Fallback text shows in notifications; Slack allows 40000 but a notification needs a line. */
    static final int MAX_FALLBACK = 3000;

    private final Prompts prompts;

    public SlackBlocks(Prompts prompts) {
        this.prompts = prompts;
    }

    public SlackMessage render(Reply reply) {
        return reply.accept(new Reply.Visitor<>() {
            @Override
            public SlackMessage text(Reply.Text t) {
                return SlackBlocks.this.text(t.text());
            }

            @Override
            public SlackMessage review(Reply.ReviewResult r) {
                return SlackBlocks.this.review(r.review(), r.postable());
            }

            @Override
            public SlackMessage mentions(Reply.Mentions m) {
                return SlackBlocks.this.mentions(m);
            }

            @Override
            public SlackMessage figures(Reply.Figures f) {
                return SlackBlocks.this.text(f.text()); // the chart is uploaded as a file beside it (SlackPort#upload)
            }
        });
    }

    // ---- plain text -------------------------------------------------------------------

    /** Candor's neutral markup in mrkdwn: {@code *bold*}, {@code `code`}, the rest escaped. */
    static final Markup.Style MRKDWN = new Markup.Style() {
        @Override
        public String plain(String s) {
            return escape(s);
        }

        @Override
        public String bold(String s) {
            return "*" + escape(s) + "*";
        }

        @Override
        public String code(String s) {
            return "`" + escape(s) + "`";
        }
    };

    /** The notification line: not parsed for entities, so only the marks change. */
    private static final Markup.Style FALLBACK = new Markup.Style() {
        @Override
        public String plain(String s) {
            return s;
        }

        @Override
        public String bold(String s) {
            return "*" + s + "*";
        }

        @Override
        public String code(String s) {
            return "`" + s + "`";
        }
    };

    SlackMessage text(String raw) {
        String s = Markup.render(raw, MRKDWN);
        List<LayoutBlock> blocks = new ArrayList<>();
        boolean cut = false;
        for (int i = 0; i < s.length(); i += MAX_SECTION) {
            if (blocks.size() == MAX_BLOCKS - 1) {
                cut = true;
                break;
            }
            blocks.add(section(s.substring(i, Math.min(s.length(), i + MAX_SECTION))));
        }
        if (cut) {
            blocks.add(context(List.of(prompts.render("slack:cut"))));
        }
        return new SlackMessage(clip(Markup.render(raw, FALLBACK), MAX_FALLBACK), blocks);
    }

    // ---- a review ---------------------------------------------------------------------

    SlackMessage review(Review r) {
        return review(r, false);
    }

    /** @param postable with an "I posted this" button (the draft is in the history) */
    SlackMessage review(Review r, boolean postable) {
        List<LayoutBlock> head = new ArrayList<>();
        head.add(section("*" + escape(r.verdictText()) + "*"));
        StringBuilder good = new StringBuilder("*" + escape(prompts.render("review:heading.good")) + "*\n");
        if (r.strengths().isEmpty()) {
            good.append(escape(prompts.render("review:nothing-good")));
        }
        for (Strength s : r.strengths()) {
            good.append("• ").append(escape(s.message())).append('\n');
        }
        Cut cut = new Cut();
        head.add(section(cut.fit(good.toString().strip())));
        if (!r.findings().isEmpty()) {
            head.add(section("*" + escape(prompts.render("review:heading.findings")) + "*"));
        }

        List<String> tailTexts = new ArrayList<>();
        r.notes().stream().limit(MAX_CONTEXT_ELEMENTS - 2).forEach(n -> tailTexts.add(escape(n)));
        tailTexts.add(escape(prompts.render("review:never-posts")));
        // tail: notes, never-posts and maybe the cut note in one context block (at most 10 elements),
        // and a block for the truncation note
        int budget = MAX_BLOCKS - head.size() - 1 - 1 - (postable ? 1 : 0);

        List<LayoutBlock> body = new ArrayList<>();
        int shown = 0;
        outer:
        for (Map.Entry<Category, List<Finding>> e : r.byCategory().entrySet()) {
            boolean headed = false;
            for (Finding f : e.getValue()) {
                int need = headed ? 2 : 3;
                if (body.size() + need > budget) {
                    break outer;
                }
                if (!headed) {
                    body.add(section("*" + escape(prompts.render("review:heading.category." + e.getKey().id())) + "*"));
                    headed = true;
                }
                body.add(section(cut.fit(finding(f, r.draft().text(), cut))));
                body.add(feedbackButtons(f, shown));
                shown++;
            }
        }
        int hidden = r.findings().size() - shown;

        List<LayoutBlock> blocks = new ArrayList<>(head);
        blocks.addAll(body);
        List<String> notes = new ArrayList<>(tailTexts);
        if (hidden > 0) {
            blocks.add(context(List.of(escape(prompts.render("review:truncated", Map.of("hidden", hidden))))));
        } else if (cut.happened) {
            notes.add(escape(prompts.render("slack:cut")));
        }
        if (postable) {
            blocks.add(ActionsBlock.builder().blockId("posted").elements(List.of(button("review:button.posted",
                    ActionIds.POSTED, io.candor.chat.PostLog.keyOf(r.draft().text()), null))).build());
        }
        blocks.add(context(notes));
        return new SlackMessage(clip(r.verdictText(), MAX_FALLBACK), blocks);
    }

    /**
     * One finding: severity and message, the quoted words, the question. The quote and the
     * question always fit; an over-long message gives way to them.
     */
    private String finding(Finding f, String draft, Cut cut) {
        StringBuilder quote = new StringBuilder();
        for (String line : quoted(draft, f).split("\n", -1)) {
            if (!line.isBlank()) {
                quote.append("> ").append(escape(line)).append('\n');
            }
        }
        String question = "_" + cut.fit(escape(f.question()), 600) + "_";
        String severity = "`" + escape(prompts.render("review:heading.severity." + f.severity().id())) + "` ";
        int room = MAX_SECTION - severity.length() - quote.length() - question.length() - 1;
        String message = cut.fit(escape(f.message()), room);
        return severity + message + "\n" + quote + question;
    }

    /** The words a finding points at: {@code [start, end)} of the draft, shortened if long. */
    static String quoted(String draft, Finding f) {
        int start = Math.min(f.start(), draft.length());
        int end = Math.min(f.end(), draft.length());
        String q = draft.substring(start, end).strip();
        if (q.length() > MAX_QUOTE) {
            q = Clip.head(q, MAX_QUOTE) + "…";
        }
        return q;
    }

    private LayoutBlock feedbackButtons(Finding f, int index) {
        String rule = clip(f.rule(), MAX_BUTTON_VALUE);
        return ActionsBlock.builder().blockId("finding-" + index).elements(List.of(
                button("review:button.helpful", ActionIds.HELPFUL, rule, null),
                button("review:button.not-helpful", ActionIds.NOT_HELPFUL, rule, null),
                button("review:button.mute", ActionIds.MUTE, rule, null))).build();
    }

    // ---- mentions ---------------------------------------------------------------------

    SlackMessage mentions(Reply.Mentions m) {
        List<LayoutBlock> blocks = new ArrayList<>();
        Cut cut = new Cut();
        if (!m.heading().isBlank()) {
            blocks.add(section(cut.fit("*" + escape(m.heading()) + "*")));
        }
        int budget = MAX_BLOCKS - blocks.size() - 1;
        int shown = 0;
        for (Reply.MentionLine line : m.lines()) {
            if (blocks.size() + 2 > budget) {
                break;
            }
            blocks.add(section(cut.fit(mentionLine(line))));
            blocks.add(ActionsBlock.builder().blockId("mention-" + shown).elements(List.of(
                    button("slack:button.done", ActionIds.MENTION_DONE, line.id(), "primary"),
                    button("slack:button.snooze", ActionIds.MENTION_SNOOZE, line.id(), null))).build());
            shown++;
        }
        List<String> notes = new ArrayList<>();
        if (m.footer() != null && !m.footer().isBlank()) {
            notes.add(escape(m.footer()));
        }
        int hidden = m.hidden(shown);
        if (hidden > 0) {
            notes.add(escape(prompts.render("slack:more-mentions", Map.of("hidden", hidden))));
        } else if (cut.happened) {
            notes.add(escape(prompts.render("slack:cut")));
        }
        if (!notes.isEmpty()) {
            blocks.add(context(notes));
        }
        String fallback = m.heading().isBlank() ? prompts.render("slack:mention.fallback",
                Map.of("count", m.lines().size() + m.more())) : m.heading();
        return new SlackMessage(clip(fallback, MAX_FALLBACK), blocks);
    }

    private String mentionLine(Reply.MentionLine l) {
        StringBuilder sb = new StringBuilder();
        sb.append('*').append(escape(prompts.render("slack:mention.id", Map.of("id", l.id())))).append('*');
        for (String part : new String[] {l.platform(), l.author(), l.age()}) {
            if (part != null && !part.isBlank()) {
                sb.append(" · ").append(escape(part));
            }
        }
        if (l.unassigned()) {
            sb.append(" · ").append(escape(prompts.render("slack:mention.unassigned")));
        }
        if (l.escalated()) {
            sb.append(" · :warning: ").append(escape(prompts.render("slack:mention.escalated")));
        }
        if (l.quote() != null && !l.quote().isBlank()) {
            String q = clip(l.quote().strip(), MAX_QUOTE);
            for (String line : q.split("\n", -1)) {
                sb.append("\n> ").append(escape(line));
            }
        }
        if (l.url() != null && l.url().matches("(?i)https?://\\S+")) {
            sb.append("\n<").append(l.url().replace(">", "%3E").replace("|", "%7C")).append('|')
                    .append(escape(prompts.render("slack:mention.open"))).append('>');
        }
        return sb.toString();
    }

    // ---- parts ------------------------------------------------------------------------

    private ButtonElement button(String labelKey, String actionId, String value, String style) {
        return ButtonElement.builder()
                .text(PlainTextObject.builder().text(clip(prompts.render(labelKey), MAX_BUTTON_TEXT)).emoji(true).build())
                .actionId(actionId).value(value).style(style).build();
    }

    private static SectionBlock section(String mrkdwn) {
        return SectionBlock.builder().text(MarkdownTextObject.builder().text(mrkdwn).build()).build();
    }

    private static ContextBlock context(List<String> mrkdwn) {
        List<ContextBlockElement> els = new ArrayList<>();
        for (String s : mrkdwn.subList(0, Math.min(mrkdwn.size(), MAX_CONTEXT_ELEMENTS))) {
            els.add(MarkdownTextObject.builder().text(clip(s, MAX_SECTION)).build());
        }
        return ContextBlock.builder().elements(els).build();
    }

    /** Slack's mrkdwn treats these three as control characters; everything else is literal. */
    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String clip(String s, int max) {
        return Clip.withEllipsis(s, max);
    }

    /** Remembers whether any section had to be shortened, so the message can say so. */
    private static final class Cut {
        boolean happened;

        String fit(String s) {
            return fit(s, MAX_SECTION);
        }

        /** {@code s} (already escaped) in at most {@code max} chars, never ending in half an entity. */
        String fit(String s, int max) {
            if (s.length() <= max) {
                return s;
            }
            happened = true;
            String c = clip(s, Math.max(2, max));
            int amp = c.lastIndexOf('&');
            if (amp >= 0 && c.indexOf(';', amp) < 0) {
                c = c.substring(0, amp) + "…";
            }
            return c;
        }
    }
}
