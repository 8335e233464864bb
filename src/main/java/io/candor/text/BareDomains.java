package io.candor.text;

import java.util.Set;

/**
 * Finds bare domains ("murdev.com", "kidsmedia . com/page") that spammers write without
 * http:// to slip past link filters. A hand-written scan from each dot, because a regular
 * expression tried at every position of every post cost more than the rest of the review.
 */
final class BareDomains {
    private static final Set<String> TLDS = Set.of("com", "net", "org", "io", "co", "ly", "me", "tv", "gl", "be",
            "info", "biz", "us", "uk", "de", "ru", "in", "app", "xyz", "site", "online", "store", "shop", "blog",
            "link", "page", "to", "fm", "gg", "cc", "ws", "pl", "br");

    interface Found {
        void at(int start, int end);
    }

    private BareDomains() {
    }

    /** Longest host name DNS allows: the scan back from a dot never goes further. */
    private static final int MAX_HOST = 253;

    static void find(String s, Found found) {
        int len = s.length();
        int lastEnd = 0;
        for (int dot = s.indexOf('.'); dot >= 0; dot = s.indexOf('.', dot + 1)) {
            if (dot < lastEnd) {
                continue; // inside the link just found ("t.me/t.me/…" is one link, scanned once)
            }
            int nameEnd = dot;
            int tldStart = dot + 1;
            if (dot > 0 && dot + 1 < len && s.charAt(dot - 1) == ' ' && s.charAt(dot + 1) == ' ') {
                nameEnd = dot - 1; // "kidsmedia . com"
                tldStart = dot + 2;
            }
            int tldEnd = tldStart;
            while (tldEnd < len && isLowerAlnum(s.charAt(tldEnd))) {
                tldEnd++;
            }
            if (tldEnd == tldStart || tldEnd < len && isWord(s.charAt(tldEnd))
                    || !TLDS.contains(s.substring(tldStart, tldEnd))) {
                continue;
            }
            int start = nameEnd;
            int floor = Math.max(lastEnd, nameEnd - MAX_HOST);
            while (start > floor && (isLowerAlnum(s.charAt(start - 1)) || s.charAt(start - 1) == '-' || s.charAt(start - 1) == '.')) {
                start--;
            }
            while (start < nameEnd && !isLowerAlnum(s.charAt(start))) {
                start++;
            }
            if (start > 0 && (isWord(s.charAt(start - 1)) || s.charAt(start - 1) == '@')) {
                continue; // part of a word or an e-mail address
            }
            int lastLabel = s.lastIndexOf('.', nameEnd - 1) + 1;
            boolean path = tldEnd < len && s.charAt(tldEnd) == '/';
            // one-letter names only with a path: "t.me/name", "wa.me/123", not "a.m." or "u.s."
            if (nameEnd - Math.max(lastLabel, start) < (path ? 1 : 2)) {
                continue;
            }
            int end = tldEnd;
            if (path) {
                while (end < len && !Character.isWhitespace(s.charAt(end))) {
                    end++;
                }
            }
            found.at(start, end);
            lastEnd = end;
        }
    }

    private static boolean isLowerAlnum(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    private static boolean isWord(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
