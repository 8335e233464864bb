package io.candor.history;

import io.candor.review.Draft;
import io.candor.text.TextNormalizer;
import io.candor.text.Token;
import io.candor.text.Tokenizer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which conversation a draft belongs to, as far as Candor can tell: the message it answers,
 * the people it opens by addressing (@handles) and the name it greets. Two drafts are in the
 * same conversation when they share any of these, or when either says nothing of it; the same
 * reply in two different conversations is a template. Kept as short hashes, never the names.
 */
public record ConversationKey(Set<String> parts) {
    public static final ConversationKey NONE = new ConversationKey(Set.of());
    private static final Pattern GREETING = Pattern.compile(
            "^(?:@[\\p{L}\\p{N}_.]+[\\s,:]*)*(?:hi|hey|hello|dear|thanks|thank you|thx|hiya|morning|evening)(?: there)?[\\s,]+"
                    + "([\\p{L}][\\p{L}'-]{1,20})\\s*[,!.:]");
    private static final Set<String> NOT_NAMES = Set.of("there", "all", "everyone", "everybody", "team", "folks", "guys",
            "friend", "friends", "again", "so", "for", "very", "a", "and", "you", "much", "y'all");

    public ConversationKey {
        parts = Set.copyOf(parts);
    }

    public static ConversationKey of(Draft d) {
        Set<String> out = new LinkedHashSet<>();
        d.replyTo().ifPresent(r -> out.add("m" + hash(TextNormalizer.fold(r).replaceAll("\\s+", " ").strip())));
        String folded = TextNormalizer.fold(d.text());
        for (Token t : Tokenizer.tokenize(folded)) {
            if (t.is(Token.Kind.HANDLE)) {
                out.add("a" + hash(t.text()));
            } else if (!t.is(Token.Kind.PUNCT)) {
                break;
            }
        }
        Matcher m = GREETING.matcher(folded);
        if (m.find() && !NOT_NAMES.contains(m.group(1))) {
            out.add("n" + hash(m.group(1)));
        }
        return new ConversationKey(out);
    }

    public boolean isEmpty() {
        return parts.isEmpty();
    }

    /** Same conversation, or one of the two does not say: only two known, different conversations differ. */
    public boolean sameAs(ConversationKey other) {
        if (isEmpty() || other.isEmpty()) {
            return true;
        }
        for (String p : parts) {
            if (other.parts.contains(p)) {
                return true;
            }
        }
        return false;
    }

    /** The database column: the parts, space-separated; null when there are none. */
    public String column() {
        return parts.isEmpty() ? null : String.join(" ", parts);
    }

    public static ConversationKey parse(String column) {
        if (column == null || column.isBlank()) {
            return NONE;
        }
        List<String> ps = new ArrayList<>(List.of(column.strip().split(" +")));
        return new ConversationKey(new LinkedHashSet<>(ps));
    }

    private static String hash(String s) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
