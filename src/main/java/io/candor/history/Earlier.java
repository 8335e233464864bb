package io.candor.history;

import io.candor.review.Platform;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** An earlier post that a draft nearly copies: when, where, by whom, and its text while kept. */
public record Earlier(long id, double similarity, Instant postedAt, List<Platform> platforms, String author,
                      Optional<String> body) {
}
