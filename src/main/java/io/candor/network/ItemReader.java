package io.candor.network;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What one item of a page a network answered becomes: a thing to hand over, or null when it
 * is not one (a kind the settings leave out) or is skipped (then counted in the tally).
 */
public interface ItemReader<T> {
    T read(JsonNode item, Skipped.Tally tally);
}
