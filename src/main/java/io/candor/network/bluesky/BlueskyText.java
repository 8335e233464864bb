package io.candor.network.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A post record's text with its links whole. Bluesky apps shorten a long link in the text
 * ("example.com/spring-colle...") and keep the full address in a link facet, which points at
 * the shortened part by UTF-8 byte offsets ({@code app.bsky.richtext.facet}); the text a
 * person reads here shows the full address instead.
 */
final class BlueskyText {
    private BlueskyText() {
    }

    private record Link(int start, int end, String uri) {
    }

    static String plain(JsonNode record) {
        String text = record.path("text").asText("");
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        List<Link> links = new ArrayList<>();
        for (JsonNode facet : record.path("facets")) {
            int start = facet.path("index").path("byteStart").asInt(-1);
            int end = facet.path("index").path("byteEnd").asInt(-1);
            for (JsonNode f : facet.path("features")) {
                String uri = f.path("uri").asText("");
                if (f.path("$type").asText().equals("app.bsky.richtext.facet#link") && start >= 0 && end > start
                        && end <= bytes.length && (uri.startsWith("https://") || uri.startsWith("http://"))) {
                    links.add(new Link(start, end, uri));
                }
            }
        }
        if (links.isEmpty()) {
            return text;
        }
        links.sort(Comparator.comparingInt(Link::start));
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 64);
        int at = 0;
        for (Link l : links) {
            if (l.start() < at) {
                continue; // overlapping facets: the first one wins
            }
            out.write(bytes, at, l.start() - at);
            out.writeBytes(l.uri().getBytes(StandardCharsets.UTF_8));
            at = l.end();
        }
        out.write(bytes, at, bytes.length - at);
        // offsets that cut a character in two (a malformed facet) decode to U+FFFD rather than fail
        return out.toString(StandardCharsets.UTF_8);
    }
}
