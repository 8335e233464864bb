package io.candor.discord;

import static io.candor.discord.DiscordStandIn.GUILD;
import static io.candor.discord.DiscordStandIn.MENTIONS;
import static io.candor.discord.DiscordStandIn.STRANGER;
import static io.candor.discord.DiscordStandIn.TOKEN;
import static io.candor.discord.DiscordStandIn.WRITER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.candor.chat.CoachBot;
import io.candor.chat.InMemoryFeedbackBook;
import io.candor.chat.RecordingMentionDesk;
import io.candor.chat.Surface;
import io.candor.config.CandorConfig;
import io.candor.store.Backend;
import io.candor.store.Database;
import io.candor.store.JdbcHandledEvents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Candor instances connected with the same bot token: Discord sends every event to both
 * sessions, and the handled-events table on one PostgreSQL makes exactly one of them answer.
 */
class DiscordInstancesTest {
    @Test
    void eachInteractionAndMessageIsHandledByOneInstanceOnly(@TempDir Path dir) throws Exception {
        Path cfgFile = dir.resolve("candor.yaml");
        Files.writeString(cfgFile, """
                discord:
                  guild_ids: ["%s"]
                  mentions_channel: "%s"
                """.formatted(GUILD, MENTIONS));
        CandorConfig cfg = CandorConfig.load(cfgFile);
        String url = Backend.POSTGRES.freshUrl();
        List<RecordingReviewer> reviewers = new ArrayList<>();
        List<RecordingMentionDesk> desks = new ArrayList<>();
        List<Surface> surfaces = new ArrayList<>();
        List<Database> dbs = new ArrayList<>();
        try (DiscordStandIn discord = new DiscordStandIn()) {
            for (int i = 0; i < 2; i++) {
                Database db = Database.open(url);
                dbs.add(db);
                RecordingReviewer reviewer = new RecordingReviewer();
                RecordingMentionDesk desk = new RecordingMentionDesk();
                reviewers.add(reviewer);
                desks.add(desk);
                CoachBot bot = CoachBot.builder(reviewer, new InMemoryFeedbackBook(), reviewer.real.prompts(), 40_000).mentions(desk).build();
                Surface s = DiscordSurface.fromEnvironment(Map.of("DISCORD_TOKEN", TOKEN, "DISCORD_API_URL",
                        discord.apiUrl()), cfg.section("discord", DiscordSettings.class), bot, new JdbcHandledEvents(db, Clock.systemUTC())).orElseThrow();
                s.start();
                surfaces.add(s);
            }
            assertThat(discord.sessions()).isEqualTo(2);
            assertThat(surfaces).allSatisfy(s -> assertThat(s.problem()).isEmpty());

            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                tokens.add(discord.slash(GUILD, WRITER, "review", "draft", "Draft " + i + ": check out my channel"));
            }
            String mention = discord.post(MENTIONS, STRANGER, "@acme does the app work offline?");
            await().atMost(Duration.ofSeconds(20)).until(() -> tokens.stream().allMatch(t ->
                    !discord.requests(r -> r.path().contains("/" + t + "/callback")).isEmpty())
                    && desks.stream().mapToLong(d -> d.calls("posted").size()).sum() >= 1);
            Thread.sleep(500); // a second answer would come from the slower instance: give it time to show
            for (String t : tokens) {
                assertThat(discord.requests(r -> r.path().contains("/" + t + "/callback"))).as(t).hasSize(1);
            }
            assertThat(reviewers.stream().mapToInt(r -> r.drafts.size()).sum()).isEqualTo(5);
            assertThat(desks.stream().flatMap(d -> d.calls("posted").stream()))
                    .singleElement().satisfies(c -> assertThat(c.args()).contains(mention));
        } finally {
            surfaces.forEach(Surface::close);
            dbs.forEach(Database::close);
        }
        assertThat(surfaces.get(0).problem()).isPresent();
    }
}
