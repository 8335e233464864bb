package io.candor.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.candor.prompts.Prompts;
import io.candor.review.Reviewer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every "slack:" sentence the Java asks for exists once, and renders. */
class SlackPromptsTest {
    @Test
    void everyKeyTheSlackCodeUsesIsInPromptsOnceAndRenders() throws Exception {
        ObjectMapper strict = new ObjectMapper(new YAMLFactory());
        strict.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        JsonNode tree = strict.readTree(Path.of("prompts", "slack.yaml").toFile());
        assertThat(tree.isObject()).isTrue();

        List<String> used = new ArrayList<>();
        Pattern key = Pattern.compile("\"(slack:[\\w.-]*[\\w-])\"");
        try (var files = Files.list(Path.of("src", "main", "java", "io", "candor", "slack"))) {
            for (Path f : files.toList()) {
                Matcher m = key.matcher(Files.readString(f));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        // CoachModal builds its keys as "slack:modal." + name
        for (String name : List.of("title", "submit", "close", "draft-label", "draft-placeholder", "draft-hint",
                "platforms-label", "platforms-placeholder", "reply-to-label", "reply-to-placeholder", "error-empty")) {
            used.add("slack:modal." + name);
        }
        assertThat(used).contains("slack:ack.reviewing", "slack:cut", "slack:failed", "slack:more-mentions");
        Prompts prompts = Reviewer.withDefaults().prompts();
        for (String k : used) {
            assertThat(prompts.render(k, Map.of("hidden", 3, "count", 4, "id", "12"))).as(k).isNotBlank();
        }
    }
}
