package io.candor;

import static org.assertj.core.api.Assertions.assertThat;

import io.candor.cli.CliRun;
import org.junit.jupiter.api.Test;

/** The command line as a whole: the version, help, and what a run builds of it. */
class CandorTest {
    @Test
    void theVersionIsPrintedAloneAndHelpStillListsEveryCommand() {
        for (String flag : new String[] {"--version", "-V"}) {
            CliRun v = CliRun.of(flag);
            assertThat(v.code()).isZero();
            assertThat(v.out()).startsWith("candor ").doesNotContain("${").hasLineCount(1);
        }
        CliRun help = CliRun.of("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("review", "chat", "serve", "remind", "mentions", "stats", "history", "train-model",
                "config", "daemon", "generate-completion");
        // a version check builds no command; a review builds only its own
        assertThat(Candor.commandLine("--version").getSubcommands()).isEmpty();
        assertThat(Candor.commandLine("review", "--text", "hi").getSubcommands()).containsOnlyKeys("review");
        assertThat(Candor.commandLine("--db", "x", "review").getSubcommands()).hasSize(12);
    }
}
