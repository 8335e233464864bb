package io.candor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.candor.ReadmeBlocks;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The README's terminal chat walkthrough, typed into {@code candor chat --as alice} line by
 * line exactly as the README shows it (read from README.md), one test per step on what that
 * step printed. A step added to or changed in the README without a check here fails.
 */
class TerminalWalkthroughTest {
    private static final String SECTION = "## Mentions, reminders and the terminal chat";

    /** What each README line must show the user, in the README's order. */
    private static Map<String, Consumer<String>> steps() {
        Map<String, Consumer<String>> s = new LinkedHashMap<>();
        s.put("/coach Check out our new app https://example.com", out -> assertThat(out)
                .contains("(context.bare-link)"));
        s.put("posted", out -> assertThat(out).contains("remember that this went out").contains("Candor posted nothing"));
        s.put("post @sam https://x.com/sam/status/1 does the app work offline?", out -> assertThat(out)
                .contains("mention #1 from @sam on x").contains("Nobody has it yet: reply 1 … or /coach assign 1 @name takes it").doesNotContain("`"));
        s.put("mentions", out -> assertThat(out).contains("Nothing is assigned to you. 1 waiting with nobody on it")
                .contains("does the app work offline?").contains("/coach assign 1 @alice takes one"));
        s.put("/coach -p x --reply-to \"does the app work offline?\" Yes, offline mode is in 2.3. Which phone are you on?",
                out -> assertThat(out).startsWith("Ready: nothing here needs changing").contains("It asks a question"));
        s.put("reply 1 Try our Pro plan, 50% off today! DM me", out -> assertThat(out).contains("(pitch.unasked-offer)"));
        s.put("remind --at next", out -> assertThat(out).contains("Reminders as they would go out")
                .contains("── DM to alice ──").contains("does the app work offline?"));
        s.put("react 1", out -> assertThat(out).contains("Marked #1 answered"));
        s.put("history 1", out -> assertThat(out).contains("alice: received").contains("alice: in progress (reply drafted in thread)")
                .contains("alice: answered"));
        s.put("quit", out -> assertThat(out).isEqualTo("Bye.\n"));
        return s;
    }

    @TestFactory
    Stream<DynamicTest> eachStepOfTheReadmeWalkthrough() throws Exception {
        List<String> typed = ReadmeBlocks.chatSession(SECTION, "alice");
        Map<String, Consumer<String>> steps = steps();
        assertThat(typed).as("the README's walkthrough, step by step").containsExactlyElementsOf(steps.keySet());

        ReviewCommandTest.Run run = ReviewCommandTest.run((String.join("\n", typed) + "\n").getBytes(StandardCharsets.UTF_8),
                "chat", "--as", "alice");
        assertThat(run.code()).as(run.err()).isZero();
        // what follows each prompt is that step's answer
        String[] parts = run.out().split("alice> ", -1);
        assertThat(parts).as(run.out()).hasSize(typed.size() + 1);
        assertThat(parts[0]).contains("demo one: alice, bob, carol");
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < typed.size(); i++) {
            String line = typed.get(i);
            String out = parts[i + 1];
            tests.add(DynamicTest.dynamicTest((i + 1) + ": " + line, () -> steps.get(line).accept(out)));
        }
        return tests.stream();
    }
}
