package io.candor.cli;

import io.candor.config.CandorConfig;
import io.candor.prompts.Prompts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** Settings and database options typed before the command they belong to. */
public final class LeadingOptions {
    private LeadingOptions() {
    }

    /**
     * {@code candor -c FILE review …}: the settings and database options belong to the command, so
     * when they come before it they are moved after it (the command's name and its sub-command's),
     * where the command reads them; null when no command that takes them follows. Anything else
     * is left as typed.
     */
    public static String[] afterCommand(CommandLine root, String... args) {
        List<String> moved = new ArrayList<>();
        int i = 0;
        while (i < args.length) {
            String a = args[i];
            if ((a.equals("-c") || a.equals("--config") || a.equals("--db")) && i + 1 < args.length) {
                moved.add(a);
                moved.add(args[i + 1]);
                i += 2;
            } else if (a.startsWith("--config=") || a.startsWith("--db=") || a.startsWith("-c") && a.length() > 2 && !a.startsWith("--")) {
                moved.add(a);
                i++;
            } else {
                break;
            }
        }
        if (moved.isEmpty()) {
            return args;
        }
        CommandLine leaf = root;
        int j = i;
        while (j < args.length && leaf.getSubcommands().containsKey(args[j])) {
            leaf = leaf.getSubcommands().get(args[j]);
            j++;
        }
        if (leaf == root && i < args.length && args[i].startsWith("-")) {
            return args; // --help, --version after them: picocli answers as usual
        }
        if (leaf == root || leaf.getCommandSpec().findOption("--config") == null) {
            return null;
        }
        List<String> out = new ArrayList<>(Arrays.asList(args).subList(i, j));
        out.addAll(moved);
        out.addAll(Arrays.asList(args).subList(j, args.length));
        return out.toArray(String[]::new);
    }


    /** The one line that says where an option typed before no command belongs. */
    public static String misplaced(String option) {
        return new Prompts(CandorConfig.defaults().prompts()).render("cli:option-before-command", Map.of("option", option));
    }
}
