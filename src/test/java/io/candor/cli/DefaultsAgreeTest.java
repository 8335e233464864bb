package io.candor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.candor.config.CandorConfig;
import io.candor.config.StrictSettings;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bundled {@code config/candor.yaml} documents every default a team can change, and each
 * settings record fills the same defaults for a key a team leaves out. Both are written down,
 * so this keeps them one truth: a default changed in one place and not the other fails here.
 * ({@code history:} has no defaults in code at all: its record takes every value from the file.)
 */
class DefaultsAgreeTest {
    /** Every record-backed section but {@code history}, whose record has no defaults in code. */
    static Map<String, Class<?>> sections() {
        Map<String, Class<?>> all = new java.util.LinkedHashMap<>(Settings.RECORD_SECTIONS);
        all.remove("history");
        return all;
    }

    static java.util.stream.Stream<String> names() {
        return sections().keySet().stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("names")
    void theBundledFileAndTheRecordAgreeOnEveryDefault(String name) {
        Class<?> type = sections().get(name);
        Object bundled = CandorConfig.defaults().section(name, type);
        Object leftOut = StrictSettings.decode(JsonNodeFactory.instance.objectNode(), type, "an empty " + name + " section");
        assertThat(leftOut).as(name + ": defaults in config/candor.yaml vs " + type.getSimpleName()).isEqualTo(bundled);
    }
}
