package io.candor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.ArrayList;
import java.util.List;

/**
 * The package rules ARCHITECTURE.md describes, checked on the compiled main classes: the rows of
 * its picture, each using only its own row and those below; every package (sub-packages
 * included, the root too) is its own slice and no two depend on each other in a circle; the
 * core never sees Bolt, JDA or an adapter; adapters do not know each other.
 */
@AnalyzeClasses(packages = "io.candor", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    /** Everything that is not an adapter (slack, discord, web) or the command line (cli, the root). */
    static final String[] CORE = {"io.candor.review..", "io.candor.text..", "io.candor.learn..", "io.candor.meaning..",
            "io.candor.similar..", "io.candor.history..", "io.candor.mention..", "io.candor.remind..", "io.candor.stats..",
            "io.candor.store..", "io.candor.config..", "io.candor.chat..", "io.candor.quality..", "io.candor.render..",
            "io.candor.network..", "io.candor.prompts..", "io.candor.platform..", "io.candor.identity..", "io.candor.fault.."};

    /**
     * The rows of ARCHITECTURE.md's package map, top to bottom. {@code io.candor} and
     * {@code io.candor.mention} name those packages alone; {@code ..} takes sub-packages in.
     */
    static final List<List<String>> ROWS = List.of(
            List.of("io.candor", "io.candor.cli.."),
            List.of("io.candor.slack..", "io.candor.discord..", "io.candor.web..", "io.candor.daemon.."),
            List.of("io.candor.render.."),
            List.of("io.candor.stats..", "io.candor.remind..", "io.candor.history..", "io.candor.network..",
                    "io.candor.mention", "io.candor.quality.."),
            List.of("io.candor.store.."),
            List.of("io.candor.chat.."),
            List.of("io.candor.review..", "io.candor.learn..", "io.candor.meaning..", "io.candor.similar.."),
            List.of("io.candor.mention.model.."),
            List.of("io.candor.prompts..", "io.candor.platform..", "io.candor.identity..", "io.candor.text..",
                    "io.candor.config..", "io.candor.fault.."));

    @ArchTest
    static void lowerRowsNeverUseHigherOnes(JavaClasses main) {
        List<String> above = new ArrayList<>();
        for (List<String> row : ROWS) {
            if (!above.isEmpty()) {
                noClasses().that().resideInAnyPackage(row.toArray(String[]::new))
                        .should().dependOnClassesThat().resideInAnyPackage(above.toArray(String[]::new))
                        .because("ARCHITECTURE.md's package map: lower rows never use higher ones").check(main);
            }
            above.addAll(row);
        }
    }

    @ArchTest
    static void everyPackageHasARow(JavaClasses main) {
        classes().that().resideInAPackage("io.candor..")
                .should().resideInAnyPackage(ROWS.stream().flatMap(List::stream).toArray(String[]::new))
                .because("a new package takes its place in ARCHITECTURE.md's package map").check(main);
    }

    /** One slice per package; {@code slices().matching("io.candor.(**)")} would leave the root package out. */
    static final SliceAssignment PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            String p = c.getPackageName();
            return p.equals("io.candor") || p.startsWith("io.candor.") ? SliceIdentifier.of(p) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "the packages of io.candor";
        }
    };

    @ArchTest
    static final ArchRule noPackageCycles = slices().assignedFrom(PACKAGES).should().beFreeOfCycles();

    @ArchTest
    static final ArchRule coreNeverSeesAChatLibrary = noClasses().that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage("com.slack..", "net.dv8tion..")
            .because("the core is platform-neutral: adapters translate events in and replies out");

    @ArchTest
    static final ArchRule coreNeverSeesAnAdapter = noClasses().that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage("io.candor.slack..", "io.candor.discord..",
                    "io.candor.web..", "io.candor.cli..")
            .because("adapters and the command line depend on the core, never the reverse");

    @ArchTest
    static final ArchRule slackDoesNotKnowDiscord = noClasses().that().resideInAPackage("io.candor.slack..")
            .should().dependOnClassesThat().resideInAnyPackage("io.candor.discord..", "net.dv8tion..");

    @ArchTest
    static final ArchRule discordDoesNotKnowSlack = noClasses().that().resideInAPackage("io.candor.discord..")
            .should().dependOnClassesThat().resideInAnyPackage("io.candor.slack..", "com.slack..");

    @ArchTest
    static final ArchRule webKnowsNeitherChatPlatform = noClasses().that().resideInAPackage("io.candor.web..")
            .should().dependOnClassesThat().resideInAnyPackage("io.candor.slack..", "io.candor.discord..",
                    "com.slack..", "net.dv8tion..");

    @ArchTest
    static final ArchRule mastodonDoesNotKnowBluesky = noClasses().that().resideInAPackage("io.candor.network.mastodon..")
            .should().dependOnClassesThat().resideInAPackage("io.candor.network.bluesky..");

    @ArchTest
    static final ArchRule blueskyDoesNotKnowMastodon = noClasses().that().resideInAPackage("io.candor.network.bluesky..")
            .should().dependOnClassesThat().resideInAPackage("io.candor.network.mastodon..");

    @ArchTest
    static final ArchRule networksNeverSpeakToChat = noClasses().that().resideInAPackage("io.candor.network..")
            .should().dependOnClassesThat().resideInAnyPackage("io.candor.chat..", "io.candor.remind..", "io.candor.review..")
            .because("a network connector reads mentions and hands them to the mentions tracker; talking to people,"
                    + " reminding them and reviewing drafts are other features' work");

    @ArchTest
    static final ArchRule onlyTheStoreSpeaksJdbc = noClasses().that().resideOutsideOfPackage("io.candor.store..")
            .should().dependOnClassesThat().resideInAPackage("java.sql..");
}
