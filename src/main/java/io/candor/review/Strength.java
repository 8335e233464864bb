package io.candor.review;

/** Something the draft already does well, said in words from {@code prompts/}. */
public record Strength(String id, String message) {
}
