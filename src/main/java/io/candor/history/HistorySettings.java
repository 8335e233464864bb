package io.candor.history;

import io.candor.config.ConfigException;
import java.time.ZoneId;
import java.util.List;

/**
 * The {@code history:} section of candor.yaml: retention, how similar counts as a copy
 * (Jaccard {@code similarity}, or {@code containment} of the shorter text in the longer with
 * at least {@code minSharedWords} words in common), and the thank-you stream. Read with
 * {@code config.section("history", HistorySettings.class)}.
 */
public record HistorySettings(boolean enabled, int keepTextDays, int keepSignatureDays, double similarity,
                              double containment, int minSharedWords, int minWholeWords,
                              int minWords, int crossPlatformDays, int thanksMaxWords,
                              int thanksCount, int thanksWindowHours, List<String> thanksWords,
                              List<String> repostPrefixes, int shortWords, int quoteWords, int purgeEveryHours,
                              String zone) {
    /** Texts older than this are deleted, and imported rows older than this keep no text. */
    public java.time.Instant textCutoff(java.time.Instant now) {
        return now.minus(java.time.Duration.ofDays(keepTextDays));
    }

    /** Posts older than this are forgotten: not compared with, not imported. */
    public java.time.Instant signatureCutoff(java.time.Instant now) {
        return now.minus(java.time.Duration.ofDays(keepSignatureDays));
    }

    public HistorySettings {
        thanksWords = thanksWords == null ? List.of() : List.copyOf(thanksWords);
        repostPrefixes = repostPrefixes == null ? List.of() : List.copyOf(repostPrefixes);
        zone = zone == null ? "" : zone.strip();
        if (similarity <= 0 || similarity > 1) {
            throw new ConfigException("history.similarity must be above 0 and at most 1, not " + similarity);
        }
        if (containment <= 0 || containment > 1) {
            throw new ConfigException("history.containment must be above 0 and at most 1, not " + containment);
        }
        if (minSharedWords < 2) {
            throw new ConfigException("history.min_shared_words must be at least 2, not " + minSharedWords);
        }
        if (minWholeWords < 2) {
            throw new ConfigException("history.min_whole_words must be at least 2, not " + minWholeWords);
        }
        if (keepTextDays < 1 || keepSignatureDays < keepTextDays) {
            throw new ConfigException("history.keep_text_days must be at least 1 and keep_signature_days at least as long");
        }
        if (thanksCount < 2) {
            throw new ConfigException("history.thanks_count must be at least 2, not " + thanksCount);
        }
    }

    /**
     * When an earlier text counts as copied. Word pairs shared: one fewer than the words. A
     * shorter text wholly inside the longer one needs only {@code minWholeWords} words.
     */
    public io.candor.similar.LshIndex.Criteria criteria() {
        return new io.candor.similar.LshIndex.Criteria(similarity, containment, minSharedWords - 1, minWholeWords - 1);
    }

    /** The zone days are named in ("on Tuesday"); the machine's zone when not set. */
    public ZoneId zoneId() {
        try {
            return zone.isEmpty() ? ZoneId.systemDefault() : ZoneId.of(zone);
        } catch (java.time.DateTimeException e) {
            throw new ConfigException("history.zone '" + zone + "' is not a time zone (try Europe/Berlin or UTC)");
        }
    }
}
