package io.candor.render;

import io.candor.chat.Reply;
import io.candor.mention.Flag;
import io.candor.prompts.Prompts;
import java.util.HashMap;
import java.util.Map;

/**
 * Any reply as text for a terminal, markup still in it ({@link TerminalMarkup} shows it): the
 * terminal chat and {@code candor remind --dry-run}.
 */
public final class ReplyText implements Reply.Visitor<String> {
    private final Prompts prompts;

    private ReplyText(Prompts prompts) {
        this.prompts = prompts;
    }

    public static String render(Reply r, Prompts p) {
        return r.accept(new ReplyText(p));
    }

    @Override
    public String text(Reply.Text t) {
        return t.text();
    }

    @Override
    public String figures(Reply.Figures f) {
        return f.text(); // the chart is a picture: `candor stats --chart FILE.png` writes it
    }

    @Override
    public String review(Reply.ReviewResult rr) {
        return ReviewText.render(rr.review(), prompts).stripTrailing();
    }

    @Override
    public String mentions(Reply.Mentions m) {
        StringBuilder sb = new StringBuilder(m.heading()).append('\n');
        for (Reply.MentionLine l : m.lines()) {
            Map<String, Object> v = new HashMap<>();
            v.put("id", l.id());
            v.put("age", l.age());
            v.put("platform", l.platform());
            v.put("author", l.author());
            v.put("quote", l.quote());
            v.put("url", Flag.of(l.url()));
            v.put("escalated", l.escalated());
            v.put("unassigned", l.unassigned());
            sb.append("  ").append(prompts.render("mentions:line", v)).append('\n');
        }
        if (m.more() > 0) {
            sb.append("  ").append(prompts.render("mentions:more-not-shown", Map.of("hidden", m.more()))).append('\n');
        }
        if (m.footer() != null && !m.footer().isBlank()) {
            sb.append(m.footer()).append('\n');
        }
        return sb.toString().stripTrailing();
    }
}
