package io.candor.history;

import io.candor.review.Platform;
import java.time.Instant;
import java.util.List;

/** An earlier post that a draft nearly copies: how alike, when, where and by whom. */
public record Earlier(long id, double similarity, Instant postedAt, List<Platform> platforms, String author) {
}
