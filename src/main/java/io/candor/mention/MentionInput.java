package io.candor.mention;

import com.fasterxml.jackson.databind.JsonNode;
import io.candor.identity.PersonRef;
import io.candor.mention.model.NewMention;
import io.candor.prompts.Prompts;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one mention as sent to the webhook or found in an import file:
 * {@code {"id", "platform", "author", "text", "url"?, "received_at"?, "assignee"?}}.
 * Strict on purpose: an unknown field is more likely a typo than something to ignore.
 */
public final class MentionInput {
    public static final List<String> FIELDS = List.of("id", "platform", "author", "text", "url", "received_at", "assignee");
    private static final Set<String> KNOWN = Set.copyOf(FIELDS);
    private static final int MAX_ID = 200;
    private static final Pattern PLATFORM = Pattern.compile("[a-z0-9][a-z0-9._-]{0,39}");

    private final Prompts prompts;
    private final People people;
    private final int maxText;

    public MentionInput(Prompts prompts, People people, int maxText) {
        this.prompts = prompts;
        this.people = people;
        this.maxText = maxText;
    }

    /** @param now the received time when the sender gives none */
    public NewMention read(JsonNode n, Instant now) {
        if (n == null || !n.isObject()) {
            throw bad("", "input.not-object", Map.of());
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!KNOWN.contains(f)) {
                throw bad(f, "input.unknown-field", Map.of("field", f, "known", String.join(", ", FIELDS)));
            }
        }
        String id = id(n.get("id"));
        String platform = required(n, "platform", 40).toLowerCase(Locale.ROOT);
        if (!PLATFORM.matcher(platform).matches()) {
            throw bad("platform", "input.bad-platform", Map.of("value", platform));
        }
        String author = required(n, "author", 200);
        String text = required(n, "text", maxText);
        String url = optional(n, "url", 2000);
        if (url != null && !(url.startsWith("https://") || url.startsWith("http://"))) {
            throw bad("url", "input.bad-url", Map.of("value", url));
        }
        JsonNode rawWhen = n.get("received_at");
        String when = rawWhen != null && rawWhen.isIntegralNumber() ? rawWhen.asText() : optional(n, "received_at", 64);
        Instant received = now;
        if (when != null) {
            received = receivedAt(when).orElseThrow(() -> bad("received_at", "input.bad-time", Map.of("value", when)));
        }
        String who = optional(n, "assignee", 300);
        Optional<PersonRef> assignee = Optional.empty();
        if (who != null) {
            assignee = Optional.of(people.assigneeFor(who).orElseThrow(() -> bad("assignee", "input.unknown-person",
                    Map.of("name", who, "known", known()))));
        }
        return new NewMention(platform, id, author, text, url, received, assignee, null);
    }

    private String known() {
        List<String> names = people.all().stream().map(Person::name).toList();
        return names.isEmpty() ? "-" : String.join(", ", names);
    }

    private String id(JsonNode v) {
        if (v == null || v.isNull()) {
            throw bad("id", "input.missing", Map.of("field", "id"));
        }
        if (!(v.isIntegralNumber() || v.isTextual()) || v.asText().isBlank()) {
            throw bad("id", "input.not-text", Map.of("field", "id"));
        }
        // a number is checked like text: 200 digits must not reach the database's 200-character column
        if (v.asText().strip().length() > MAX_ID) {
            throw bad("id", "input.too-long", Map.of("field", "id", "max", MAX_ID));
        }
        return v.asText().strip();
    }

    private String required(JsonNode n, String field, int max) {
        String s = optional(n, field, max);
        if (s == null) {
            throw bad(field, "input.missing", Map.of("field", field));
        }
        return s;
    }

    /**
     * The forms {@code history import} takes too: ISO-8601 with an offset, a date-time or a
     * date without one (UTC), or epoch seconds (or milliseconds).
     */
    static java.util.Optional<Instant> receivedAt(String s) {
        String t = s.strip();
        try {
            if (t.matches("\\d{9,13}")) {
                long v = Long.parseLong(t);
                return java.util.Optional.of(v > 100_000_000_000L ? Instant.ofEpochMilli(v) : Instant.ofEpochSecond(v));
            }
            if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return java.util.Optional.of(java.time.LocalDate.parse(t).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
            }
            try {
                return java.util.Optional.of(OffsetDateTime.parse(t.replace(' ', 'T')).toInstant());
            } catch (DateTimeParseException e) {
                return java.util.Optional.of(java.time.LocalDateTime.parse(t.replace(' ', 'T')).toInstant(java.time.ZoneOffset.UTC));
            }
        } catch (DateTimeParseException | NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private String optional(JsonNode n, String field, int max) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw bad(field, "input.not-text", Map.of("field", field));
        }
        String s = v.asText().strip();
        if (s.isEmpty()) {
            return null;
        }
        if (s.length() > max) {
            throw bad(field, "input.too-long", Map.of("field", field, "max", max));
        }
        return s;
    }

    private BadMention bad(String field, String key, Map<String, ?> vars) {
        return new BadMention(field, prompts.render("mentions:" + key, vars));
    }
}
