package io.candor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.candor.Candor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22, point 6: what one command shows, another takes; two imports behave alike; an option
 * typed before its command works.
 */
class CommandsAgreeTest {
    @TempDir
    Path dir;

    @Test
    void whoeverAndWhateverStatsListCanBeFilteredOn() throws Exception {
        String db = dir.resolve("team").toString();
        // a review from the command line (its author is the login name) and a mention from a platform Candor has no rules for
        CliRun reviewed = CliRun.of("review", "--db", db, "--author", "root", "--text", "Offline mode ships today for every plan.");
        assertThat(reviewed.code()).as(reviewed.err()).isZero();
        Path csv = Files.writeString(dir.resolve("m.csv"), "id,platform,author,text\n1,hackernews,@pg,Does it work offline?\n");
        assertThat(CliRun.of("mentions", "import", csv.toString(), "--db", db).code()).isZero();

        CliRun all = CliRun.of("stats", "--db", db, "--format", "csv");
        assertThat(all.out()).contains("person,root,root").contains("platform,hackernews,hackernews");
        CliRun root = CliRun.of("stats", "--db", db, "--person", "root");
        assertThat(root.code()).as(root.err()).isZero();
        CliRun hn = CliRun.of("stats", "--db", db, "--platform", "hackernews");
        assertThat(hn.code()).as(hn.err()).isZero();
        assertThat(hn.out()).contains("hackernews only");
        CliRun typo = CliRun.of("stats", "--db", db, "--platform", "hackrnews");
        assertThat(typo.code()).isEqualTo(Candor.BAD_INPUT);
        assertThat(typo.err()).contains("unknown platform 'hackrnews'").contains("in these stats also hackernews");
        CliRun nobody = CliRun.of("stats", "--db", db, "--person", "zed");
        assertThat(nobody.err()).contains("unknown person 'zed'").contains("in these stats also root");
    }

    @Test
    void bothImportsExitOneWithBadRowsAndListThemOnStandardError() throws Exception {
        String db = dir.resolve("team").toString();
        Path posts = Files.writeString(dir.resolve("posts.csv"), """
                text,platform,posted_at,author
                Our second bakery opens Saturday on Rua Augusta with free coffee,facebook,2026-11-01,lee
                A row without a date,x,,lee
                """);
        Path mentions = Files.writeString(dir.resolve("mentions.csv"), """
                id,platform,author,text
                1,x,@sam,Does it work offline?
                2,x,,no author here
                """);
        CliRun history = CliRun.of("history", "import", posts.toString(), "--db", db);
        CliRun mention = CliRun.of("mentions", "import", mentions.toString(), "--db", db);
        for (CliRun r : new CliRun[] {history, mention}) {
            assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
            assertThat(r.err()).contains(".csv line 3: ");
            assertThat(r.out()).doesNotContain("line 3").contains("1 bad row");
        }
        // no progress bar when standard error is not a terminal
        assertThat(mention.err()).doesNotContain("Importing").doesNotContain("%");
    }

    @Test
    void settingsAndDatabaseTypedBeforeTheCommandWork() throws Exception {
        String db = dir.resolve("team").toString();
        CliRun r = CliRun.of("-c", "config/candor.yaml", "--db", db, "review", "--no-remember", "--text", "https://example.com/post/123");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("(context.bare-link)").doesNotContain("Usage:");
        CliRun nested = CliRun.of("--db", db, "mentions", "list");
        assertThat(nested.code()).as(nested.err()).isZero();
        CliRun nowhere = CliRun.of("-c", "config/candor.yaml", "generate-completion");
        assertThat(nowhere.code()).isEqualTo(Candor.BAD_INPUT);
        assertThat(nowhere.err()).isEqualTo("candor: -c belongs to a command, after its name: candor review -c FILE …, "
                + "candor stats --db PATH …\n").doesNotContain("Usage:");
    }
}
