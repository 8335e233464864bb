package io.candor.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.candor.TestTeam;
import io.candor.chat.ChatUser;
import io.candor.chat.CoachBot;
import io.candor.chat.Reply;
import io.candor.identity.SurfaceKind;
import io.candor.stats.StatsChart;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.time.Instant;
import javax.imageio.ImageIO;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;

class DiscordStatsTest {
    @Test
    void coachStatsIsRegisteredWithSinceAndPlatform() {
        SlashCommandData coach = (SlashCommandData) CoachCommands.all(io.candor.review.Reviewer.withDefaults().prompts()).get(0);
        SubcommandData stats = coach.getSubcommands().stream().filter(s -> s.getName().equals("stats")).findFirst().orElseThrow();
        assertThat(stats.getOptions()).extracting(o -> o.getName()).containsExactly("since", "platform");
    }

    @Test
    void theStatsReplyCarriesTheChartAsAnAttachment() throws Exception {
        try (TestTeam team = TestTeam.create(TestTeam.PEOPLE, Instant.now())) {
            CoachBot bot = team.wiring.bot();
            ChatUser carol = ChatUser.of(SurfaceKind.DISCORD, "G1", "333", "carol");
            Reply reply = bot.command(carol, "stats 2w x");
            MessageCreateData data = new DiscordReplies(team.reviewer.prompts()).render(reply, "G1");
            assertThat(data.getContent()).contains("**Team stats**").contains("X only").contains("carol: 0 in");
            assertThat(data.getFiles()).hasSize(1);
            FileUpload file = data.getFiles().get(0);
            assertThat(file.getName()).endsWith(".png");
            try (InputStream in = file.getData()) {
                BufferedImage img = ImageIO.read(in);
                assertThat(img.getWidth()).isEqualTo(StatsChart.WIDTH);
                assertThat(img.getHeight()).isEqualTo(StatsChart.HEIGHT);
            }
        }
    }

    @Test
    void aDraftThatStartsWithStatsIsStillReviewed() throws Exception {
        try (TestTeam team = TestTeam.create(TestTeam.PEOPLE, Instant.now())) {
            CoachBot bot = team.wiring.bot();
            Reply r = bot.command(ChatUser.of(SurfaceKind.DISCORD, "G1", "333", "carol"), "stats show our support is 2x faster than anyone");
            assertThat(r).isInstanceOf(Reply.ReviewResult.class);
        }
    }
}
