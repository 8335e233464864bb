package io.candor.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.candor.review.Reviewer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trees the build precompiles from the bundled YAML files, and when they are (not) used. */
class DataFilesTest {
    @Test
    void everyBundledFileReadsAsTheSameTreeItsYamlParsesTo() throws Exception {
        List<Path> yaml;
        try (Stream<Path> walk = Stream.concat(Files.list(Path.of("config/rules")), Files.list(Path.of("prompts")))) {
            yaml = walk.filter(p -> p.toString().endsWith(".yaml")).toList();
        }
        assertThat(yaml).hasSizeGreaterThan(10);
        for (Path p : yaml) {
            boolean rule = p.startsWith("config");
            DataFiles bundled = new DataFiles(null, rule ? "defaults/config/rules" : "defaults/prompts");
            String name = p.getFileName().toString();
            String text = bundled.readBundled(name).orElseThrow();
            assertThat(DataFiles.class.getResource("/" + (rule ? "defaults/config/rules/" : "defaults/prompts/") + name
                    + DataFiles.TREE_SUFFIX)).as("precompiled " + name).isNotNull();
            assertThat(bundled.parse(name, text)).as(name).isEqualTo(CandorConfig.YAML.readTree(text));
        }
    }

    @Test
    void aPrecompiledTreeIsUsedOnlyForTheTextItWasMadeFrom() throws Exception {
        JsonNode precompiled = CandorConfig.YAML.readTree("{\"length\": 8, \"hash\": " + "a: 1\nb: 2".hashCode()
                + ", \"tree\": {\"a\": 1}}");
        assertThat(DataFiles.treeOf(precompiled, "a: 1\nb: 2")).isEmpty(); // same hash, other length
        assertThat(DataFiles.treeOf(precompiled, "a: 1\nb: 3")).isEmpty();
        JsonNode right = CandorConfig.YAML.readTree("{\"length\": 9, \"hash\": " + "a: 1\nb: 2".hashCode()
                + ", \"tree\": {\"a\": 1}}");
        assertThat(DataFiles.treeOf(right, "a: 1\nb: 2")).get().isEqualTo(CandorConfig.YAML.readTree("a: 1"));
    }

    @Test
    void aTeamsEditedRuleFileIsReadAsYamlAndItsTypoNamesFileAndKey(@TempDir Path dir) throws Exception {
        Path rules = Files.createDirectories(dir.resolve("config/rules"));
        Files.writeString(dir.resolve("config/candor.yaml"), "review: {}\n");
        String platform = new DataFiles(null, "defaults/config/rules").readBundled("platform.yaml").orElseThrow();
        // an unknown key in the first rule's settings: the bundled tree must not be read for this text
        Files.writeString(rules.resolve("platform.yaml"), platform.replaceFirst("(?m)^(\\s+)detector: (\\S+)",
                "$1detector: $2\n$1no_such_key: 3"));
        CandorConfig cfg = CandorConfig.load(dir.resolve("config/candor.yaml"));
        assertThatThrownBy(() -> new Reviewer(cfg)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("platform.yaml").hasMessageContaining("no_such_key");
    }
}
