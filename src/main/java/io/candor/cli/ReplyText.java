package io.candor.cli;

import io.candor.chat.Reply;
import io.candor.mention.Flag;
import io.candor.review.Prompts;
import io.candor.review.ReviewText;
import java.util.HashMap;
import java.util.Map;

/** Any reply as plain text, for the terminal chat and {@code candor remind --dry-run}. */
public final class ReplyText {
    private ReplyText() {
    }

    public static String render(Reply r, Prompts p) {
        if (r instanceof Reply.Text t) {
            return t.text();
        }
        if (r instanceof Reply.Figures f) {
            return f.text(); // the chart is a picture: `candor stats --chart FILE.png` writes it
        }
        if (r instanceof Reply.ReviewResult rr) {
            return ReviewText.render(rr.review(), p).stripTrailing();
        }
        return mentions((Reply.Mentions) r, p);
    }

    private static String mentions(Reply.Mentions m, Prompts p) {
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
            sb.append("  ").append(p.render("mentions:line", v)).append('\n');
        }
        if (m.footer() != null && !m.footer().isBlank()) {
            sb.append(m.footer()).append('\n');
        }
        return sb.toString().stripTrailing();
    }
}
