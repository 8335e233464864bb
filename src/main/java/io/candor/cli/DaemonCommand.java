package io.candor.cli;

import io.candor.daemon.DaemonServer;
import io.candor.daemon.DaemonSocket;
import io.candor.prompts.Prompts;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code candor daemon}: keeps one JVM started, compiled and warm, and runs in it each
 * {@code candor review} of a single draft and each {@code candor stats} made from the same folder and environment (the
 * command line hands it over: {@link io.candor.daemon.DaemonClient}). A review then takes the
 * time of the review, not of starting Java. Nothing else changes: same settings, read at each
 * command, same database, same output.
 */
@Command(name = "daemon", mixinStandardHelpOptions = true,
        description = {"Keep Candor started in the background, so that 'candor review' of one draft and 'candor stats' answer at once.",
                "Those from this folder, with this environment, run in it (others run on their own, as before);",
                "settings and rules are still read at every review. Stops after --idle-minutes unused, on Ctrl-C, or with --stop."})
public final class DaemonCommand implements Callable<Integer> {
    /** Drafts of Candor's own the daemon reviews before it listens, so the first real review finds the code compiled. */
    private static final List<List<String>> WARM_UP = List.of(
            List.of("--text", "Big news! Our spring sale starts today, 20% off everything, link in bio #sale"),
            List.of("--text", "Check this out https://example.com"),
            List.of("--reply-to", "Where can I watch the talk from yesterday?", "--text",
                    "It's on our YouTube channel, we posted it this morning."));
    private static final Duration WARM_UP_LIMIT = Duration.ofSeconds(20);

    private final Function<List<String>, Integer> command;

    @Option(names = "--idle-minutes", paramLabel = "MINUTES", defaultValue = "480",
            description = "Stop after this many minutes without a command (default: ${DEFAULT-VALUE}).")
    int idleMinutes;

    @Option(names = "--warm-up", paramLabel = "REVIEWS", defaultValue = "150",
            description = "Reviews of its own drafts before it listens, at most 20 seconds of them (default: ${DEFAULT-VALUE}; 0: none).")
    int warmUpRuns;

    @Option(names = "--status", description = "Say whether a daemon of this build is running, and exit (0 if it is, 1 if not).")
    boolean status;

    @Option(names = "--stop", description = "Stop the daemon of this build, wherever it was started.")
    boolean stop;

    /** @param command runs one command line in this process and gives its exit code ({@code Candor.run}) */
    public DaemonCommand(Function<List<String>, Integer> command) {
        this.command = command;
    }

    @Override
    public Integer call() throws IOException {
        PrintStream out = System.out;
        // its own lines in the wording of the default settings ($CANDOR_CONFIG, else config/candor.yaml); reviews read theirs
        Prompts prompts = new Prompts(io.candor.config.CandorConfig.load(null).prompts());
        if (idleMinutes < 1) {
            throw new UserError(prompts.render("cli:daemon-idle-range", Map.of("minutes", idleMinutes)));
        }
        if (warmUpRuns < 0) {
            throw new UserError(prompts.render("cli:daemon-warm-up-range", Map.of("reviews", warmUpRuns)));
        }
        DaemonSocket socket = DaemonSocket.forThisBuild(System.getenv())
                .orElseThrow(() -> new UserError(prompts.render("cli:daemon-no-socket")));
        if (status || stop) {
            return statusOrStop(socket, prompts, out);
        }
        DaemonServer.Log log = (key, values) -> {
            out.println("candor daemon: " + prompts.render(key, values));
            out.flush();
        };
        DaemonServer server = DaemonServer.forThisProcess(socket, command, Duration.ofMinutes(idleMinutes), log);
        try {
            server.bind();
        } catch (IOException e) {
            throw new UserError(prompts.render("cli:daemon-cannot-listen", Map.of("why", String.valueOf(e.getMessage()))));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "candor-daemon-shutdown"));
        // listening already: a review made while it warms up is declined at once and runs on its own
        java.util.concurrent.CompletableFuture<Void> serving = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                server.serve();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, r -> new Thread(r, "candor-daemon").start());
        log.line("cli:daemon-warming", Map.of());
        int runs = warmUp();
        server.open();
        log.line("cli:daemon-ready", Map.of("socket", socket.path().toString(),
                "dir", System.getProperty("user.dir"), "minutes", idleMinutes, "runs", runs));
        io.candor.fault.Unwrapped.join(serving);
        return 0;
    }

    private int statusOrStop(DaemonSocket socket, Prompts prompts, PrintStream out) throws IOException {
        if (status && stop) {
            throw new UserError(prompts.render("cli:daemon-status-or-stop"));
        }
        boolean running = socket.answers();
        if (status) {
            out.println(prompts.render(running ? "cli:daemon-running" : "cli:daemon-not-running",
                    Map.of("socket", socket.path().toString())));
            return running ? 0 : 1;
        }
        socket.remove(); // a stale socket too: nothing listens there
        out.println(prompts.render(running ? "cli:daemon-stopped" : "cli:daemon-not-running",
                Map.of("socket", socket.path().toString())));
        return 0;
    }

    /** Reviews Candor's own drafts, output discarded, against a database in memory: nothing is stored. */
    private int warmUp() {
        PrintStream realOut = System.out;
        PrintStream realErr = System.err;
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        long until = System.nanoTime() + WARM_UP_LIMIT.toNanos();
        int runs = 0;
        System.setOut(nowhere);
        System.setErr(nowhere);
        try {
            while (runs < warmUpRuns && System.nanoTime() < until) {
                List<String> args = new java.util.ArrayList<>(List.of("review", "--no-remember", "--db",
                        "jdbc:h2:mem:candor-daemon-warm-up"));
                args.addAll(WARM_UP.get(runs % WARM_UP.size()));
                command.apply(args);
                runs++;
            }
        } finally {
            System.setOut(realOut);
            System.setErr(realErr);
        }
        return runs;
    }
}
