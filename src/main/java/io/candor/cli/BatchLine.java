package io.candor.cli;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.candor.platform.Platform;
import io.candor.prompts.Prompts;
import io.candor.review.Draft;
import io.candor.review.DraftKind;
import io.candor.review.Writer;
import io.candor.text.TextNormalizer;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One line of a {@code candor review --batch} file, decoded into this record with each field's
 * type checked ("text" a string, never a number read as one; "thread" true or false), then
 * checked as a draft. A field set to null is a field left out. Fields a line carries besides
 * these (a label, a source: batch files are often another tool's export) are left alone.
 *
 * @param id        the line's own id, any JSON value, echoed in its answer
 * @param platforms a list of names or one comma-separated text
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record BatchLine(JsonNode id, String text, JsonNode platforms, @JsonProperty("reply_to") String replyTo, String kind,
                 Boolean thread, String author, String team) {
    /** Two objects on one line are a malformed line, not one object and a second dropped in silence. */
    private static final ObjectReader TREE = JsonMapper.builder().build().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final ObjectReader FIELDS = JsonMapper.builder().disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build().readerFor(BatchLine.class);

    /** What a line is when it does not say: the command line's --platform, --kind, --thread, --author, --team. */
    record Defaults(List<Platform> platforms, DraftKind kind, boolean thread, String author, String team) {
    }

    /** Why a line gets an error instead of a review; {@code id} is the line's, when it was read that far. */
    static final class Bad extends Exception {
        private final transient Object id;

        Bad(Object id, String message) {
            super(message, null, false, false);
            this.id = id;
        }

        Object id() {
            return id;
        }
    }

    /** The line as text and JSON, then this record; empty for a blank line, which is not an input. */
    static Optional<BatchLine> read(byte[] bytes, int lineNo, Prompts prompts) throws Bad {
        String raw;
        try {
            raw = TextInput.decode(bytes);
        } catch (CharacterCodingException e) {
            throw new Bad(null, prompts.render("cli:not-utf8", Map.of("where", "line " + lineNo)));
        }
        if (raw.isBlank()) {
            return Optional.empty();
        }
        JsonNode row;
        try {
            row = TREE.readTree(raw);
        } catch (IOException e) {
            throw new Bad(null, prompts.render("cli:bad-json", Map.of("line", lineNo, "why", shortReason(e))));
        }
        if (row == null || !row.isObject()) {
            throw new Bad(null, prompts.render("cli:bad-json", Map.of("line", lineNo, "why", "expected {...}")));
        }
        try {
            return Optional.of(FIELDS.treeToValue(row, BatchLine.class));
        } catch (MismatchedInputException e) {
            String field = e.getPath().isEmpty() ? "?" : e.getPath().get(0).getFieldName();
            throw new Bad(idOf(row.get("id")), prompts.render("cli:bad-field", Map.of("line", lineNo, "field", field,
                    "flag", "thread".equals(field))));
        } catch (IOException e) {
            throw new Bad(idOf(row.get("id")), prompts.render("cli:bad-json", Map.of("line", lineNo, "why", shortReason(e))));
        }
    }

    /** The line's id as its answer carries it: a number, else its text; null without one. */
    Object idValue() {
        return idOf(id);
    }

    /** The draft this line asks about, in the order its checks have always run. */
    Draft draft(Defaults defaults, Prompts prompts, int maxChars, int lineNo) throws Bad {
        if (text == null) {
            throw bad(prompts.render("cli:missing-text", Map.of("line", lineNo)));
        }
        if (TextNormalizer.isBlank(text)) {
            throw bad("line " + lineNo + ": " + prompts.render("cli:empty"));
        }
        if (text.length() > maxChars) {
            throw bad("line " + lineNo + ": " + prompts.render("cli:too-long", Map.of("length", text.length(), "max", maxChars)));
        }
        if (TextInput.problem(text.getBytes(StandardCharsets.UTF_8)).filter("binary"::equals).isPresent()) {
            throw bad(prompts.render("cli:binary", Map.of("where", "line " + lineNo)));
        }
        List<Platform> on = platforms == null ? defaults.platforms()
                : checked(() -> ReviewCommand.parsePlatforms(platforms, prompts), lineNo);
        Optional<String> reply = Optional.ofNullable(replyTo);
        if (reply.isPresent() && reply.get().length() > maxChars) {
            throw bad("line " + lineNo + ": "
                    + prompts.render("cli:reply-too-long", Map.of("length", reply.get().length(), "max", maxChars)));
        }
        DraftKind k = kind == null ? (reply.isPresent() ? null : defaults.kind())
                : checked(() -> ReviewCommand.parseKind(kind, replyTo, prompts), lineNo);
        Writer writer = Writer.cli(or(author, defaults.author()), or(team, defaults.team()));
        return new Draft(text, on, reply, writer, k, thread == null ? defaults.thread() : thread);
    }

    /** A value read the way the command line reads it; its {@link UserError} is this line's. */
    private <T> T checked(java.util.function.Supplier<T> read, int lineNo) throws Bad {
        try {
            return read.get();
        } catch (UserError e) {
            throw bad("line " + lineNo + ": " + e.getMessage());
        }
    }

    private Bad bad(String message) {
        return new Bad(idValue(), message);
    }

    /** A line's own author or team, else the command's. */
    private static String or(String own, String fallback) {
        return own == null || own.isBlank() ? fallback : own.strip();
    }

    private static Object idOf(JsonNode id) {
        if (id == null || id.isNull()) {
            return null;
        }
        return id.isNumber() ? id.numberValue() : id.asText();
    }

    private static String shortReason(IOException e) {
        String m = e.getMessage() == null ? "unreadable" : e.getMessage();
        int nl = m.indexOf('\n');
        m = nl < 0 ? m : m.substring(0, nl);
        return m.length() > 120 ? m.substring(0, 120) + "…" : m;
    }
}
