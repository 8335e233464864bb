package io.candor.network.mastodon;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * A status's {@code content} (HTML, as Mastodon sanitises it: paragraphs, line breaks, links,
 * mention and hashtag links, spans that hide part of a long URL) as the plain text a person
 * reads, links kept: a link shows its full address, a mention or hashtag its @name or #tag.
 */
final class MastodonText {
    private MastodonText() {
    }

    static String plain(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Element body = Jsoup.parseBodyFragment(html).body();
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            private int skipDepth = -1;

            @Override
            public void head(Node node, int depth) {
                if (skipDepth >= 0) {
                    return;
                }
                if (node instanceof TextNode t) {
                    out.append(t.text());
                } else if (node instanceof Element e) {
                    switch (e.normalName()) {
                        case "br" -> out.append('\n');
                        case "a" -> {
                            out.append(link(e));
                            skipDepth = depth; // the link's own text is written already
                        }
                        default -> {
                        }
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (skipDepth == depth) {
                    skipDepth = -1;
                    return;
                }
                if (skipDepth < 0 && node instanceof Element e && (e.normalName().equals("p") || e.normalName().equals("li")
                        || e.normalName().equals("blockquote"))) {
                    out.append("\n\n");
                }
            }
        }, body);
        return out.toString().replace('\u00a0', ' ').replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }

    /** A mention or hashtag as its text; any other link as its address (its text is a shortened copy of it). */
    private static String link(Element a) {
        String text = a.text();
        String href = a.attr("href");
        boolean tag = a.hasClass("mention") || a.hasClass("hashtag") || text.startsWith("@") || text.startsWith("#");
        if (tag || !(href.startsWith("https://") || href.startsWith("http://"))) {
            return text;
        }
        String shown = text.replace("…", "").strip();
        if (shown.isEmpty() || href.contains(shown) || href.contains(shown.replaceFirst("^https?://", ""))) {
            return href;
        }
        return text + " (" + href + ")";
    }
}
