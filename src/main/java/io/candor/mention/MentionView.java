package io.candor.mention;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.candor.identity.PersonRef;
import io.candor.mention.model.Mention;
import io.candor.mention.model.MentionState;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One mention as tools read it: the same fields in {@code candor mentions list --format
 * json|csv} and {@code GET /api/mentions}, named as {@code POST /api/mentions} takes them
 * ({@code id} there is the source's id; here it is {@code source_id}, and {@code id} is
 * Candor's number, the one {@code /coach done 12} takes).
 */
public final class MentionView {
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final List<String> CSV_COLUMNS = List.of("id", "platform", "source_id", "author", "state", "assignee",
            "received_at", "snoozed_until", "url", "text");

    private MentionView() {
    }

    /**
     * The states a listing asks for: {@code open} is every mention still waiting (open or in
     * progress), {@code all} is every state, else one state by name; empty when unknown.
     */
    public static Optional<List<MentionState>> states(String filter) {
        String f = filter == null ? "open" : filter.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        return switch (f) {
            case "", "open", "waiting" -> Optional.of(List.of(MentionState.OPEN, MentionState.IN_PROGRESS));
            case "all" -> Optional.of(List.of());
            case "in_progress", "answered", "dismissed" -> Optional.of(List.of(MentionState.parse(f)));
            default -> Optional.empty();
        };
    }

    public static ObjectNode json(Mention m) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", m.id()).put("platform", m.platform()).put("source_id", m.sourceId()).put("author", m.author())
                .put("state", m.state().id()).put("assignee", m.assignee().map(PersonRef::key).orElse(null))
                .put("received_at", m.receivedAt() == null ? null : m.receivedAt().toString())
                .put("snoozed_until", m.snoozedUntil() == null ? null : m.snoozedUntil().toString())
                .put("url", m.url()).put("text", m.text());
        return n;
    }

    public static List<String> csv(Mention m) {
        return List.of(Long.toString(m.id()), m.platform(), m.sourceId(), m.author(), m.state().id(),
                m.assignee().map(PersonRef::key).orElse(""),
                m.receivedAt() == null ? "" : m.receivedAt().toString(),
                m.snoozedUntil() == null ? "" : m.snoozedUntil().toString(), nz(m.url()), m.text());
    }

    /** One CSV line (RFC 4180: quoted when it holds a comma, a quote or a line break). */
    public static String csvLine(List<String> cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i) == null ? "" : cells.get(i);
            if (i > 0) {
                sb.append(',');
            }
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
                sb.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
