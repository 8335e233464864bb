package io.candor.review.detect;

import io.candor.review.AnalyzedDraft;
import io.candor.text.Clip;
import io.candor.text.Token;
import java.util.List;
import java.util.regex.Pattern;

/** What the links of a draft point at, for the rules about links. */
final class Links {
    /** Host patterns look at a link's first characters: no address people click is longer. */
    static final int LOOK_AT = 512;
    /**
     * The first links of a draft say what its links are like: a real post has a handful, and
     * matching host patterns against thousands would let one pasted blob stall a review.
     */
    static final int EXAMINED = 64;
    private Links() {
    }

    static boolean anyMatches(List<Token> links, Pattern hosts) {
        if (hosts == null) {
            return false;
        }
        for (Token l : examined(links)) {
            if (hosts.matcher(head(l.text())).find()) {
                return true;
            }
        }
        return false;
    }

    /** True when every link points at a photo or a video (a tweet's picture, a clip): media, not a reference. */
    static boolean allMedia(List<Token> links, Pattern media) {
        if (media == null || links.isEmpty()) {
            return false;
        }
        for (Token l : examined(links)) {
            if (!media.matcher(head(l.text())).find()) {
                return false;
            }
        }
        return true;
    }

    static List<Token> examined(List<Token> links) {
        return links.size() <= EXAMINED ? links : links.subList(0, EXAMINED);
    }

    static String head(String link) {
        return Clip.head(link, LOOK_AT);
    }

    /**
     * True for the address of a site's front page ("example.com", "https://www.example.com/",
     * "shop.example.co.uk/?ref=1"): a business plugged, not a page about something. E-mail
     * addresses are not pages.
     */
    static boolean frontPage(String link) {
        String s = head(link);
        int scheme = s.indexOf("://");
        s = scheme >= 0 ? s.substring(scheme + 3) : s;
        if (s.indexOf('@') >= 0 && s.indexOf('/') < 0) {
            return false;
        }
        int slash = s.indexOf('/');
        if (slash < 0) {
            return true;
        }
        String path = s.substring(slash + 1);
        int query = path.indexOf('?');
        path = query >= 0 ? path.substring(0, query) : path;
        return path.isEmpty() || path.equals("#") || path.matches("(?i)(?:index|home|default)\\.(?:html?|php|aspx?)");
    }

    /** True when the message being answered asks for what a link gives (a link, a source, a recommendation). */
    static boolean asked(AnalyzedDraft d, Pattern asked) {
        return asked != null && d.replyTo().isPresent() && asked.matcher(d.replyTo().get().folded()).find();
    }
}
