package io.candor.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A team's figures over a period: the whole team first, then people and platforms; weekly
 * series for the trend; the open mentions by age; what the reviews find most and what people
 * muted. Counts, times and rule ids only: no draft or mention text ever gets here.
 */
public record StatsReport(Period period, Instant at, double targetHours, List<String> ageBands,
                          List<Scope> scopes, List<Week> teamWeeks, Optional<String> person, List<Week> personWeeks,
                          List<OldOpen> oldest, List<RuleFigure> findings, List<MutedRule> muted) {
    public StatsReport {
        ageBands = List.copyOf(ageBands);
        scopes = List.copyOf(scopes);
        teamWeeks = List.copyOf(teamWeeks);
        personWeeks = List.copyOf(personWeeks);
        oldest = List.copyOf(oldest);
        findings = List.copyOf(findings);
        muted = List.copyOf(muted);
    }

    public enum Kind { TEAM, PERSON, PLATFORM }

    /** The team, one person or one platform, with its mention and review figures. */
    public record Scope(Kind kind, String key, String name, Replies replies, Drafts drafts) {
    }

    /**
     * Mentions received in the period and how they were answered. Reply times are business
     * hours of the owner's zone, from arrival to the first "answered"; {@code withinTarget} is
     * the share answered within the target among those decided (answered, or waiting longer
     * than the target); null when there is nothing to measure. {@code openByAge} counts the
     * mentions waiting now, whenever they came in, in the report's age bands.
     */
    public record Replies(int received, int answered, int dismissed, Double medianHours, Double p90Hours,
                          Double withinTarget, int open, List<Integer> openByAge) {
        public Replies {
            openByAge = List.copyOf(openByAge);
        }
    }

    /** Drafts reviewed in the period, their verdicts, and new drafts that were ready at first review. */
    public record Drafts(int reviewed, int ready, int anotherLook, int rethink, int firstLooks, int firstReady) {
        public Double readyAtFirst() {
            return firstLooks == 0 ? null : (double) firstReady / firstLooks;
        }
    }

    /** One week (Monday to Sunday in the team's zone), cut to the period at its ends. */
    public record Week(LocalDate start, int reviewed, int firstLooks, int firstReady, int answered,
                       Double medianReplyHours) {
        public Double readyAtFirst() {
            return firstLooks == 0 ? null : (double) firstReady / firstLooks;
        }
    }

    /** A mention still waiting: its number, network, owner and business-hours age. No text. */
    public record OldOpen(long id, String platform, String owner, double ageHours) {
    }

    /** How many reviews found a rule, and what writers said about it in the period. */
    public record RuleFigure(String rule, long reviews, long helpful, long notHelpful) {
    }

    /** A rule muted by this many people (only the viewer's own mutes when one person asks). */
    public record MutedRule(String rule, int people) {
    }

    public Scope team() {
        return scopes.get(0);
    }
}
