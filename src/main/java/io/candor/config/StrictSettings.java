package io.candor.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Collection;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads a settings node into a typed record, strictly, as Vale decodes a rule: an unknown
 * key, a value of the wrong type or a value the record refuses is an error that names the
 * file, the place in it and the key, never silently ignored. Defaults live in the records.
 */
public final class StrictSettings {
    static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    private StrictSettings() {
    }

    /**
     * @param where what an error message starts with, e.g. "config/rules/pitch.yaml: rule pitch.bait"
     */
    public static <T> T decode(JsonNode node, Class<T> type, String where) {
        JsonNode n = node == null || node.isMissingNode() || node.isNull() ? MAPPER.createObjectNode() : node;
        try {
            return MAPPER.treeToValue(n, type);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(where + ": unknown key '" + e.getPropertyName() + "'" + known(e.getKnownPropertyIds()));
        } catch (InvalidFormatException e) {
            throw new ConfigException(where + ": key '" + path(e) + "': '" + e.getValue() + "' is not "
                    + article(e.getTargetType()));
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new ConfigException(where + ": " + cause.getMessage());
        } catch (MismatchedInputException e) {
            throw new ConfigException(where + ": key '" + path(e) + "': expected " + article(e.getTargetType()));
        } catch (Exception e) {
            throw new ConfigException(where + ": " + CandorConfig.firstLine(e.getMessage()), e);
        }
    }

    private static String known(Collection<Object> ids) {
        if (ids == null || ids.isEmpty()) {
            return " (this takes no settings)";
        }
        return " (known: " + new TreeSet<>(ids.stream().map(String::valueOf).toList()).stream()
                .collect(Collectors.joining(", ")) + ")";
    }

    private static String path(MismatchedInputException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String article(Class<?> t) {
        if (t == null) {
            return "a different kind of value";
        }
        if (t == Integer.class || t == int.class || t == Long.class || t == long.class) {
            return "a whole number";
        }
        if (t == Double.class || t == double.class) {
            return "a number";
        }
        if (t == Boolean.class || t == boolean.class) {
            return "true or false";
        }
        if (t == String.class) {
            return "a text";
        }
        if (Collection.class.isAssignableFrom(t)) {
            return "a list";
        }
        if (t.isEnum()) {
            return "one of " + java.util.Arrays.stream(t.getEnumConstants()).map(c -> c.toString().toLowerCase(java.util.Locale.ROOT))
                    .collect(Collectors.joining(", "));
        }
        return "a mapping";
    }
}
