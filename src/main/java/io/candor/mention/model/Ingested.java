package io.candor.mention.model;

/** The result of taking in one mention: the stored row, and whether it was new. */
public record Ingested(Mention mention, boolean created) {
}
