package io.candor;

import io.candor.daemon.DaemonClient;
import io.candor.daemon.DaemonSocket;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * What {@code bin/candor} runs once per build of the jar, under {@code -XX:DumpLoadedClassList},
 * to list the classes of the class-data archive every short command starts from (the launcher
 * then dumps them with {@code -Xshare:dump}): the short commands themselves, in one JVM, against
 * a throwaway database in the folder it is given (which the launcher made and deletes). A review
 * remembered in a database file, stats, a list of mentions and the reminders' preview load the
 * classes a user's own commands will, H2's file store and its loopback server included; an
 * in-memory database loads none of those. Prints nothing; a command that fails here only leaves
 * its classes out of the archive.
 */
public final class ArchiveWarmUp {
    private ArchiveWarmUp() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: ArchiveWarmUp SCRATCH-FOLDER (bin/candor runs this once per build of the jar)");
            System.exit(2);
        }
        String db = Path.of(args[0]).resolve("candor").toString();
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true);
        System.setOut(quiet);
        System.setErr(quiet);
        // the same draft twice: the first meets an empty history, the second is compared with the first
        String[][] commands = {
            {"review", "--db", db, "--text", "Warming up the start-up cache: this draft is stored in a folder deleted after."},
            {"review", "--db", db, "--text", "Warming up the start-up cache: this draft is stored in a folder deleted after."},
            {"stats", "--db", db, "--since", "30d"},
            {"mentions", "list", "--db", db},
            {"remind", "--dry-run", "--db", db},
        };
        // what every command meets before it runs: the entry point, and its look for a daemon's
        // socket ("--version" is never handed to a daemon, so none is asked anything)
        Class<?> entryPoint = Main.class;
        DaemonClient.tryRun(new String[] {"--version"});
        DaemonSocket.forThisBuild(System.getenv());
        int failed = 0;
        for (String[] command : commands) {
            try {
                failed += Candor.run(command) == 0 ? 0 : 1;
            } catch (RuntimeException e) {
                failed++;
            }
        }
        System.exit(failed == commands.length ? 1 : 0);
    }
}
