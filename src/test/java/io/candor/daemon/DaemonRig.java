package io.candor.daemon;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A daemon on a socket in a test's folder, serving on its own thread, and a client that records what it was sent. */
final class DaemonRig implements AutoCloseable {
    static final DaemonServer.Timeouts QUICK = new DaemonServer.Timeouts(Duration.ofMillis(300), Duration.ofMillis(100),
            Duration.ofSeconds(2));

    final DaemonSocket socket;
    final DaemonServer server;
    final List<String> log = new CopyOnWriteArrayList<>();
    final Thread serving;
    volatile Throwable failed;

    DaemonRig(Path folder, Function<List<String>, Integer> command, Duration idle) throws IOException {
        this.socket = new DaemonSocket(folder.resolve("candor").resolve("daemon-test.sock"));
        this.server = new DaemonServer(socket, command, RunContext.current(), idle, Clock.systemUTC(),
                (key, values) -> log.add(key + " " + values), QUICK);
        server.bind();
        server.open();
        serving = new Thread(() -> {
            try {
                server.serve();
            } catch (Throwable t) {
                failed = t;
            }
        }, "test-daemon");
        serving.start();
    }

    DaemonRig(Path folder, Function<List<String>, Integer> command) throws IOException {
        this(folder, command, Duration.ofMinutes(5));
    }

    /** What a command line would print when handed to this daemon. */
    record Answer(OptionalInt code, String out, String err) {
    }

    Answer ask(List<String> args) {
        return ask(args, RunContext.current(), new byte[0]);
    }

    Answer ask(List<String> args, Map<String, String> context, byte[] stdin) {
        return ask(new Wire.Request(args, context, false), stdin);
    }

    Answer ask(Wire.Request request, byte[] stdin) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        OptionalInt code = DaemonClient.run(socket, request, new ByteArrayInputStream(stdin),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Answer(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws InterruptedException {
        server.close();
        serving.join(5_000);
    }
}
