package io.candor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.candor.Candor;
import io.candor.TestTeam;
import io.candor.identity.PersonRef;
import io.candor.mention.model.NewMention;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RemindCommandTest {
    private static final String YAML = TestTeam.PEOPLE + """
            reminders: {zone: Europe/Paris, summary: {surface: slack, team: T1, channel: C-TEAM}}
            """;

    private static String run(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            int code = Candor.run(args);
            return code + "\n" + buf.toString(StandardCharsets.UTF_8);
        } finally {
            System.setOut(old);
        }
    }

    @Test
    void dryRunShowsWhoGetsWhatAndSendsNothing() throws Exception {
        String url = TestTeam.memoryUrl();
        Path cfg;
        try (TestTeam team = TestTeam.onDatabase(YAML, Instant.parse("2026-11-23T10:00:00Z"), url)) {
            team.m.tracker().ingest(List.of(
                    new NewMention("x", "1", "@sam", "Does it work offline?", "https://x.com/sam/status/1",
                            Instant.parse("2026-11-20T10:00:00Z"), Optional.of(PersonRef.named("alice")), null),
                    new NewMention("x", "2", "@ann", "Anyone there?", null, Instant.parse("2026-11-20T11:00:00Z"), Optional.empty(), null)),
                    "t");
            cfg = Files.createDirectories(Files.createTempDirectory("remind").resolve("config")).resolve("candor.yaml");
            Files.writeString(cfg, YAML);
            // while the in-memory database is still open (DB_CLOSE_DELAY keeps it for the command)
            String out = run("remind", "--dry-run", "--at", "2026-11-23T09:30", "--db", url, "-c", cfg.toString());
            assertThat(out).startsWith("0\n");
            assertThat(out).contains("── DM to alice via slack UALICE (1 mention)");
            assertThat(out).contains("#1 · 6 business h · X · @sam").contains("https://x.com/sam/status/1");
            assertThat(out).contains("── Channel summary to slack #C-TEAM").contains("#2 · ");
            // a preview claims no reminder: serve sends alice's at its time
            LocalDate day = LocalDate.of(2026, 11, 23);
            assertThat(team.r.sent().notDue(day, day, Instant.parse("2026-11-23T09:30:00Z"))).isEmpty();

            String early = run("remind", "--dry-run", "--at", "2026-11-23T08:00", "--db", url, "-c", cfg.toString());
            assertThat(early).contains("no reminder is due");
            String weekend = run("remind", "--dry-run", "--at", "2026-11-22T09:30", "--db", url, "-c", cfg.toString());
            assertThat(weekend).contains("no reminder is due");
        }
        assertThat(run("remind", "--at", "x")).startsWith("2\n");
    }
}
