package io.candor.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.candor.review.Finding;
import io.candor.review.Review;
import io.candor.review.Strength;

/**
 * The JSON contract of DESIGN.md: {@code {"id", "findings": [{"rule", "category",
 * "severity", "start", "end", "message", "question"}]}}, followed by the verdict and the
 * strengths, which tools that only know the contract can ignore.
 */
public final class ReviewJson {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private ReviewJson() {
    }

    public static ObjectNode toJson(Object id, Review r) {
        ObjectNode o = MAPPER.createObjectNode();
        if (id != null) {
            o.set("id", MAPPER.valueToTree(id));
        }
        ArrayNode fs = o.putArray("findings");
        for (Finding f : r.findings()) {
            ObjectNode j = fs.addObject();
            j.put("rule", f.rule());
            j.put("category", f.category().id());
            j.put("severity", f.severity().id());
            j.put("start", f.start());
            j.put("end", f.end());
            j.put("message", f.message());
            j.put("question", f.question());
        }
        o.put("verdict", r.verdict().id());
        ArrayNode ss = o.putArray("strengths");
        for (Strength s : r.strengths()) {
            ss.addObject().put("id", s.id()).put("message", s.message());
        }
        if (!r.notes().isEmpty()) {
            ArrayNode ns = o.putArray("notes");
            r.notes().forEach(ns::add);
        }
        return o;
    }

    public static ObjectNode error(Object id, String message) {
        ObjectNode o = MAPPER.createObjectNode();
        o.set("id", id == null ? MAPPER.nullNode() : MAPPER.valueToTree(id));
        o.put("error", message);
        return o;
    }
}
