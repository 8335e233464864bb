package io.candor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.candor.Candor;
import io.candor.TestTeam;
import io.candor.chat.ChatUser;
import io.candor.identity.PersonRef;
import io.candor.mention.model.NewMention;
import io.candor.stats.StatsChart;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatsCommandTest {
    private static final String YAML = TestTeam.PEOPLE + "reminders: {zone: Europe/Paris}\n";
    private static final String SINCE = "2025-03-03"; // a Monday, long past
    private static final String UNTIL = "2025-03-16";
    private static TestTeam team;
    private static String url;
    private static Path cfg;

    @BeforeAll
    static void aTeamWithTwoWeeksOfMentions() throws Exception {
        url = TestTeam.memoryUrl();
        team = TestTeam.onDatabase(YAML, Instant.parse("2025-03-03T09:00:00Z"), url);
        ChatUser alice = TestTeam.slackUser("UALICE", "alice");
        for (int week = 0; week < 2; week++) {
            team.clock.set(Instant.parse("2025-03-04T09:00:00Z").plusSeconds(week * 7 * 86_400L));
            long id = team.m.tracker().ingest(List.of(new NewMention("x", "w" + week, "@sam", "Does it work offline?",
                    null, team.clock.instant(), Optional.of(PersonRef.named("alice")), null)), "t").get(0).mention().id();
            team.clock.advance(java.time.Duration.ofHours(1 + week * 2L));
            team.m.tracker().done(alice, Long.toString(id));
        }
        cfg = Files.createDirectories(Files.createTempDirectory("stats").resolve("config")).resolve("candor.yaml");
        Files.writeString(cfg, YAML);
    }

    @AfterAll
    static void close() {
        team.close();
    }

    private static String[] run(String... args) {
        return CliRun.of(args).asArray();
    }

    private static String[] stats(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("stats", "--db", url, "-c", cfg.toString(), "--since", SINCE,
                "--until", UNTIL));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    @Test
    void textShowsReplyTimesAndASparklineAndWritesAChartThatIsAPicture(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("stats.png");
        String[] r = stats("--chart", png.toString());
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1]).contains("Team stats 2025-03-03 to 2025-03-16 (Europe/Paris)")
                .contains("team: 2 in, 2 answered, median 1.0 h, 90% within 3.0 h, 100% within target")
                .contains("alice: 2 in, 2 answered")
                .contains("median reply   ▁█  3.0 h")
                .contains("Chart written to " + png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(StatsChart.WIDTH);
        assertThat(img.getHeight()).isEqualTo(StatsChart.HEIGHT);
        Set<Integer> colours = new HashSet<>();
        int inked = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                inked += rgb == 0xFFFFFF ? 0 : 1;
            }
        }
        assertThat(colours.size()).as("distinct colours").isGreaterThan(20);
        assertThat(inked).as("pixels that are not white").isGreaterThan(2_000);
        assertThat(colours).as("the team's bars are drawn").contains(0x2B6CB0);
    }

    @Test
    void jsonAndCsvCarryTheSameFigures() throws Exception {
        String[] json = stats("--format", "json", "--person", "alice");
        assertThat(json[0]).isEqualTo("0");
        JsonNode root = new ObjectMapper().readTree(json[1]);
        assertThat(root.path("scopes").get(0).path("replies").path("median_hours").asDouble()).isEqualTo(1.0);
        assertThat(root.path("person").asText()).isEqualTo("alice");
        assertThat(root.path("weeks")).hasSize(2);
        String[] csv = stats("--format", "csv", "--platform", "twitter");
        assertThat(csv[0]).isEqualTo("0");
        assertThat(csv[1].lines().findFirst().orElse("")).startsWith("row,key,name,week,received,answered");
        assertThat(csv[1]).contains("team,,team,,2,2,0,1.000,3.000,1.000,0,");
    }

    @Test
    void badInputIsOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        String[][] cases = {
                stats("--person", "zed"),
                stats("--platform", "myspace"),
                run("stats", "--db", url, "-c", cfg.toString(), "--since", "2999-01-01"),
                stats("--chart", file.resolve("stats.png").toString()),
                stats("--chart", dir.toString()),
                stats("--format", "xml"),
                run("stats", "--db", dir.resolve("nothing-here").toString(), "-c", cfg.toString()),
        };
        String[] expected = {"unknown person 'zed'", "unknown platform 'myspace'", "--since 2999-01-01 is in the future",
                "cannot write the chart to", "cannot write the chart to", "--format 'xml'", "no Candor database"};
        for (int i = 0; i < cases.length; i++) {
            assertThat(cases[i][0]).as(expected[i]).isEqualTo("2");
            assertThat(cases[i][2].strip()).as(expected[i]).contains(expected[i]).doesNotContain("\n").startsWith("candor: ");
            assertThat(cases[i][1]).isEmpty();
        }
        assertThat(Files.exists(dir.resolve("nothing-here.mv.db"))).as("no database is made by looking").isFalse();
    }
}
