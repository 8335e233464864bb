package io.candor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.candor.Candor;
import io.candor.config.CandorConfig;
import io.candor.config.ConfigException;
import io.candor.network.MastodonStandIn;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code candor mentions pull --once} and {@code candor config check} as a user runs them, in
 * their own process with the Mastodon variables in its environment: one read, a line saying
 * what came in, the mentions in {@code mentions list}; config check says which network is
 * configured. The other cases run the same command code in this JVM with an environment given.
 */
class MentionsPullTest {
    private record Run(int code, String out) {
    }

    private static Run process(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Candor.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("CANDOR_") || k.startsWith("SLACK_") || k.startsWith("DISCORD_"));
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }

    /** The command's own code with this environment, in this JVM. */
    private static Run pull(Path cfg, String db, Map<String, String> env) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CandorConfig config = cfg == null ? CandorConfig.defaults() : CandorConfig.load(cfg);
        try (BotWiring app = BotWiring.of(Settings.read(config), db, env, Clock.systemUTC())) {
            int code = MentionsPull.run(app, new PrintStream(out, true, StandardCharsets.UTF_8));
            return new Run(code, out.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void oneReadFromTheCommandLineTakesMentionsInAndClosesTheAnsweredOne(@TempDir Path dir) throws Exception {
        Path cfg = Files.createDirectories(dir.resolve("config")).resolve("candor.yaml");
        Files.writeString(cfg, "people:\n  - {name: alice, slack: UALICE}\n");
        String db = dir.resolve("candor").toString();
        try (MastodonStandIn mastodon = new MastodonStandIn()) {
            Instant now = Instant.now();
            String asked = mastodon.mention("sam@example.social", "<p>@team does it work offline?</p>", now.minusSeconds(900));
            mastodon.mention("ana@example.social", "<p>@team is there a dark mode?</p>", now.minusSeconds(600));
            mastodon.teamPost("<p>@sam It does, since 2.3: Settings, then Offline.</p>", now.minusSeconds(300), asked);
            Map<String, String> env = Map.of("CANDOR_MASTODON_URL", mastodon.url(), "CANDOR_MASTODON_TOKEN", MastodonStandIn.TOKEN);

            Run first = process(env, "mentions", "pull", "--once", "--db", db, "-c", cfg.toString());
            assertThat(first.code()).as(first.out()).isZero();
            assertThat(first.out().strip()).isEqualTo("mastodon @team@127.0.0.1: 2 new mention(s), 0 already known, 1 answered there.");

            Run again = pull(cfg, db, env);
            assertThat(again.out().strip()).isEqualTo("mastodon @team@127.0.0.1: 0 new mention(s), 0 already known, 0 answered there.");

            CliRun list = CliRun.of("mentions", "list", "--all", "--format", "csv", "--db", db, "-c", cfg.toString());
            assertThat(list.out()).contains(",mastodon," + asked + ",@sam@example.social,")
                    .contains("@ana@example.social").contains("answered").contains("open");

            Run check = process(env, "config", "check", cfg.toString());
            assertThat(check.code()).isZero();
            assertThat(check.out()).contains("mastodon: configured (127.0.0.1:" + mastodon.url().replaceAll(".*:", "")
                            + "); read every 60 s for mentions, replies, quotes")
                    .contains("bluesky: not configured (set CANDOR_BLUESKY_HANDLE and CANDOR_BLUESKY_APP_PASSWORD to read it)");
            assertThat(mastodon.requests).allSatisfy(r -> assertThat(r.method()).isEqualTo("GET"));
        }
    }

    @Test
    void withoutAnAccountOrWithHalfOfOneItSaysWhatToDo(@TempDir Path dir) {
        String db = dir.resolve("candor").toString();
        assertThatThrownBy(() -> pull(null, db, Map.of())).isInstanceOf(UserError.class)
                .hasMessageStartingWith("No Mastodon or Bluesky account is configured: set CANDOR_MASTODON_URL");
        assertThatThrownBy(() -> pull(null, db, Map.of("CANDOR_MASTODON_URL", "https://mastodon.example")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("CANDOR_MASTODON_TOKEN is not set");
        assertThatThrownBy(() -> pull(null, db, Map.of("CANDOR_BLUESKY_APP_PASSWORD", "abcd-efgh-ijkl-mnop")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("CANDOR_BLUESKY_HANDLE is not set");
        assertThatThrownBy(() -> pull(null, db, Map.of("CANDOR_MASTODON_URL", "http://mastodon.example",
                "CANDOR_MASTODON_TOKEN", "t"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("CANDOR_MASTODON_URL must use https");

        CliRun once = CliRun.of("mentions", "pull", "--db", db);
        assertThat(once.code()).isEqualTo(2);
        assertThat(once.err()).contains("add --once");
    }

    @Test
    void anInstanceThatCannotBeReachedIsOneLineAndExitOne(@TempDir Path dir) {
        Run down = pull(null, dir.resolve("candor").toString(),
                Map.of("CANDOR_MASTODON_URL", "http://127.0.0.1:1", "CANDOR_MASTODON_TOKEN", "t"));
        assertThat(down.code()).isEqualTo(1);
        assertThat(down.out().strip()).isEqualTo("mastodon 127.0.0.1:1: cannot be reached (ConnectException)"
                + " (0 new mention(s) taken in before that). Try again later.");
    }
}
