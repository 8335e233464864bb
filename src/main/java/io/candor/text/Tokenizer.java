package io.candor.text;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nibor.autolink.LinkExtractor;
import org.nibor.autolink.LinkSpan;
import org.nibor.autolink.LinkType;

/**
 * Splits a folded text into links, @handles, #hashtags, words, numbers, emoji and
 * punctuation. Links come from autolink (URLs and www. addresses) plus bare domains
 * such as "mysite.com" or "mysite . com", which spammers use to dodge link filters.
 */
public final class Tokenizer {
    private static final LinkExtractor LINKS = LinkExtractor.builder()
            .linkTypes(EnumSet.of(LinkType.URL, LinkType.WWW, LinkType.EMAIL)).build();
    private static final Pattern WATCH = Pattern.compile("(?<![\\w])/?watch\\?v=[\\w-]+\\S*");

    private Tokenizer() {
    }

    public static List<Token> tokenize(String folded) {
        boolean[] taken = new boolean[folded.length()];
        List<Token> links = new ArrayList<>();
        if (folded.contains("://") || folded.contains("www.") || folded.indexOf('@') >= 0) {
            for (LinkSpan s : LINKS.extractLinks(folded)) {
                addLink(links, taken, folded, s.getBeginIndex(), s.getEndIndex());
            }
        }
        BareDomains.find(folded, (s, e) -> {
            if (!taken[s]) {
                addLink(links, taken, folded, s, e);
            }
        });
        if (folded.contains("watch?v=")) {
            Matcher m = WATCH.matcher(folded);
            while (m.find()) {
                if (!taken[m.start()]) {
                    addLink(links, taken, folded, m.start(), m.end());
                }
            }
        }
        List<Token> out = new ArrayList<>(folded.length() / 4 + links.size());
        int li = 0;
        links.sort((a, b) -> Integer.compare(a.start(), b.start()));
        int i = 0;
        int n = folded.length();
        while (i < n) {
            if (taken[i]) {
                Token l = links.get(li++);
                out.add(l);
                i = l.end();
                continue;
            }
            char c = folded.charAt(i);
            int cp = folded.codePointAt(i);
            if (c == ' ') {
                i++;
            } else if ((c == '@' || c == '#') && i + 1 < n && isWordChar(folded.codePointAt(i + 1))
                    && (i == 0 || !isWordChar(folded.codePointBefore(i)))) {
                int j = wordEnd(folded, i + 1, taken);
                if (c == '#' && isNumber(folded.substring(i + 1, j))) {
                    // "#1", "#2024": no network makes a tag of digits alone; "voted #1" is a rank
                    out.add(new Token(Token.Kind.PUNCT, "#", i, i + 1));
                    i++;
                    continue;
                }
                if (c == '@') {
                    j = handleEnd(folded, j, taken);
                }
                out.add(new Token(c == '@' ? Token.Kind.HANDLE : Token.Kind.HASHTAG, folded.substring(i, j), i, j));
                i = j;
            } else if (isWordChar(cp)) {
                int j = wordEnd(folded, i, taken);
                String w = folded.substring(i, j);
                out.add(new Token(isNumber(w) ? Token.Kind.NUMBER : Token.Kind.WORD, w, i, j));
                i = j;
            } else if (isEmoji(cp)) {
                int j = i + Character.charCount(cp);
                out.add(new Token(Token.Kind.EMOJI, folded.substring(i, j), i, j));
                i = j;
            } else {
                int j = i + Character.charCount(cp);
                out.add(new Token(Token.Kind.PUNCT, folded.substring(i, j), i, j));
                i = j;
            }
        }
        return out;
    }

    private static void addLink(List<Token> links, boolean[] taken, String folded, int s, int e) {
        for (int k = s; k < e; k++) {
            if (taken[k]) {
                return;
            }
        }
        for (int k = s; k < e; k++) {
            taken[k] = true;
        }
        links.add(new Token(Token.Kind.LINK, folded.substring(s, e), s, e));
    }

    private static int wordEnd(String s, int i, boolean[] taken) {
        int j = i;
        while (j < s.length() && !taken[j]) {
            int cp = s.codePointAt(j);
            if (isWordChar(cp)) {
                j += Character.charCount(cp);
            } else if ((cp == '\'' || cp == '’' || cp == '-' || cp == '.' || cp == ',') && j + 1 < s.length()
                    && isWordChar(s.codePointAt(j + 1)) && j > i && isWordChar(s.codePointBefore(j))
                    && (cp != '.' && cp != ',' || Character.isDigit(s.charAt(j + 1)) && Character.isDigit(s.charAt(j - 1)))) {
                j++; // don't, e-mail, 1,000, 3.5
            } else {
                break;
            }
        }
        return j;
    }

    /** Instagram and TikTok handles hold dots ("@grace.invests"); a dot that ends a sentence does not count. */
    private static int handleEnd(String s, int j, boolean[] taken) {
        while (j + 1 < s.length() && s.charAt(j) == '.' && !taken[j + 1] && isWordChar(s.codePointAt(j + 1))) {
            j = wordEnd(s, j + 1, taken);
        }
        return j;
    }

    static boolean isWordChar(int cp) {
        return Character.isLetterOrDigit(cp) || cp == '_';
    }

    private static boolean isNumber(String w) {
        for (int k = 0; k < w.length(); k++) {
            char c = w.charAt(k);
            if (!Character.isDigit(c) && c != '.' && c != ',') {
                return false;
            }
        }
        return true;
    }

    static boolean isEmoji(int cp) {
        int t = Character.getType(cp);
        return t == Character.OTHER_SYMBOL || t == Character.SURROGATE
                || cp >= 0x1F000 && cp <= 0x1FAFF || cp >= 0x2600 && cp <= 0x27BF;
    }
}
