package io.candor.quality;

/**
 * How the reviewer did on one labelled source. For a source with promotions: how many it
 * called a pitch rightly and wrongly. For a source of conversation only: how often it called
 * a genuine text a pitch. For reply pairs: how often it told a genuine reply that it does not
 * engage with the message (it ignores it, leaves its question unanswered, or is canned), how
 * often it called one a pitch, gave it a warning or a problem, and how many replies that do
 * not answer their message (put under another thread's, or judged off-topic) it caught.
 */
public record SourceFigures(String source, Kind kind, int texts, int positives, int truePositives,
                            int falsePositives, int mismatched, int mismatchedCaught, int genuineIgnored,
                            int genuineQuestioned, int mismatchedQuestioned, int genuineWarned, int genuineProblem) {
    public enum Kind { PITCH, CONVERSATION, PAIRS }

    public SourceFigures(String source, Kind kind, int texts, int positives, int truePositives, int falsePositives) {
        this(source, kind, texts, positives, truePositives, falsePositives, 0, 0, 0, 0, 0, 0, 0);
    }

    /** Share of genuine replies given a warning or a problem of any kind. */
    public double warnedRate() {
        return ofGenuine(genuineWarned);
    }

    /** Share of genuine replies given a problem. */
    public double problemRate() {
        return ofGenuine(genuineProblem);
    }

    public double precision() {
        return truePositives + falsePositives == 0 ? 0 : (double) truePositives / (truePositives + falsePositives);
    }

    public double recall() {
        return positives == 0 ? 0 : (double) truePositives / positives;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Share of genuine (non-pitch) texts called a pitch. */
    public double falsePitchRate() {
        return ofGenuine(falsePositives);
    }

    /** Share of genuine replies told they ignore the message they answer. */
    public double falseIgnoreRate() {
        return ofGenuine(genuineIgnored);
    }

    /** Share of mismatched replies (a reply put under another thread's message) that were caught. */
    public double mismatchCaught() {
        return mismatched == 0 ? 0 : (double) mismatchedCaught / mismatched;
    }

    /** Share of genuine replies asked whether they answer the question (context.unanswered-question). */
    public double falseQuestionRate() {
        return ofGenuine(genuineQuestioned);
    }

    /** One line a person can read. */
    public String describe() {
        return switch (kind) {
            case PITCH -> String.format("%s: pitch precision %.3f, recall %.3f, F1 %.3f (%d texts, %d promotions)",
                    source, precision(), recall(), f1(), texts, positives);
            case CONVERSATION -> String.format("%s: genuine texts called a pitch %.2f%% (%d of %d)",
                    source, 100 * falsePitchRate(), falsePositives, texts);
            case PAIRS -> String.format("%s: genuine replies told they do not engage %.2f%%, called a pitch %.2f%%, "
                    + "a warning or problem %.2f%%, a problem %.2f%% (of %d); replies that do not answer caught %.1f%% (of %d); "
                    + "asked whether they answer the question: genuine %.2f%%, not answering %.1f%%",
                    source, 100 * falseIgnoreRate(), 100 * falsePitchRate(), 100 * warnedRate(), 100 * problemRate(), texts,
                    100 * mismatchCaught(), mismatched, 100 * falseQuestionRate(),
                    mismatched == 0 ? 0 : 100.0 * mismatchedQuestioned / mismatched);
        };
    }

    /** A count as a share of the genuine texts (those not labelled positive); 0 when there are none. */
    private double ofGenuine(int count) {
        int genuine = texts - positives;
        return genuine == 0 ? 0 : (double) count / genuine;
    }
}
