package io.candor.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.candor.Candor;
import io.candor.cli.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code candor review} and {@code candor stats} through the daemon print, exit and store exactly as in their own process. */
class DaemonReviewTest {
    @TempDir
    Path tmp;

    private DaemonRig daemon() throws Exception {
        return new DaemonRig(tmp, args -> Candor.run(args.toArray(String[]::new)));
    }

    @Test
    void everyKindOfReviewPrintsTheSameThroughTheDaemon() throws Exception {
        String mem = "jdbc:h2:mem:daemon-review";
        List<List<String>> cases = List.of(
                List.of("review", "--no-remember", "--db", mem, "--text", "Check out our new app, link in bio!"),
                List.of("review", "--no-remember", "--db", mem, "--format", "json", "--text", "Big sale today only, DM us!"),
                List.of("review", "--no-remember", "--db", mem, "--fail-on", "hint", "--text", "Check this out https://example.com"),
                List.of("review", "--no-remember", "--db", mem, "--reply-to", "Where can I watch yesterday's talk?",
                        "--text", "Yes, it's on our YouTube channel: youtube.com/@ourteam"),
                List.of("review", "--no-remember", "--db", mem, "--text", ""),
                List.of("review", "--no-remember", "--db", mem, "--platform", "myspace", "--text", "hi"),
                List.of("review", "--no-remember", "--db", mem, "--no-such-option"),
                List.of("stats", "--db", tmp.resolve("stats").toString(), "--since", "365d"),
                List.of("stats", "--db", tmp.resolve("stats").toString(), "--format", "csv"),
                List.of("stats", "--db", tmp.resolve("stats").toString(), "--since", "yesterday-ish"),
                List.of("stats", "--db", tmp.resolve("none").toString()));
        // a database with one reviewed draft for stats to count
        assertThat(alone(List.of("review", "--db", tmp.resolve("stats").toString(), "--author", "sam", "--text",
                "Thanks for the detailed bug report: the fix ships in 2.3 on Monday."), new byte[0]).code()).isZero();
        try (DaemonRig rig = daemon()) {
            for (List<String> args : cases) {
                CliRun alone = alone(args, new byte[0]);
                DaemonRig.Answer handed = rig.ask(args);
                assertThat(handed.code()).as(args.toString()).hasValue(alone.code());
                assertThat(handed.out()).as(args.toString()).isEqualTo(alone.out());
                assertThat(handed.err()).as(args.toString()).isEqualTo(alone.err());
            }
        }
        // the cases say what a user would notice: a finding, JSON, --fail-on's exit 1, the empty draft's exit 2
        assertThat(alone(cases.get(2), new byte[0]).code()).isEqualTo(1);
        assertThat(alone(cases.get(4), new byte[0]).code()).isEqualTo(2);
        assertThat(alone(cases.get(1), new byte[0]).out()).startsWith("{");
        assertThat(alone(cases.get(7), new byte[0]).out()).contains("team");
        assertThat(alone(cases.get(9), new byte[0]).code()).isEqualTo(2);
        assertThat(alone(cases.get(10), new byte[0]).err()).contains("no Candor database");
    }

    @Test
    void aDraftOnStandardInputIsReadFromTheCaller() throws Exception {
        byte[] draft = "Thanks for flagging this! The fix ships Monday; I'll reply here when it's live.".getBytes(StandardCharsets.UTF_8);
        List<String> args = List.of("review", "--no-remember", "--db", "jdbc:h2:mem:daemon-stdin", "-");
        try (DaemonRig rig = daemon()) {
            DaemonRig.Answer handed = rig.ask(args, RunContext.current(), draft);
            CliRun alone = alone(args, draft);
            assertThat(handed.code()).hasValue(alone.code());
            assertThat(handed.out()).isEqualTo(alone.out()).isNotBlank();
        }
    }

    @Test
    void reviewsAreRememberedInTheCallersDatabaseAndAnEditedSettingsFileIsReadAtTheNextReview() throws Exception {
        Path db = tmp.resolve("team");
        Path config = tmp.resolve("candor.yaml");
        Files.writeString(config, "review:\n  max_chars: 20\n");
        String text = "Our spring sale starts today: 20% off every plan until Sunday.";
        List<String> args = List.of("review", "--db", db.toString(), "--config", config.toString(), "--text", text);
        try (DaemonRig rig = daemon()) {
            DaemonRig.Answer tooLong = rig.ask(args);
            assertThat(tooLong.code()).hasValue(2);
            assertThat(tooLong.err()).contains("Candor reviews up to 20");

            Files.writeString(config, "review:\n  max_chars: 500\n");
            DaemonRig.Answer first = rig.ask(args);
            assertThat(first.code()).hasValue(0);
            assertThat(first.out()).doesNotContain("posted this");
        }
        // the reviewed draft was stored by the daemon's run, in the caller's database, as by a run of its own
        String stats = alone(List.of("history", "stats", "--db", db.toString()), new byte[0]).out();
        assertThat(stats).containsPattern("reviewed drafts: +1\\n");
    }

    /** The command in this process, as without a daemon. */
    private static CliRun alone(List<String> args, byte[] stdin) {
        return CliRun.with(stdin, args.toArray(String[]::new));
    }
}
