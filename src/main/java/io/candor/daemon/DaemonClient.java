package io.candor.daemon;

import io.candor.config.CandorConfig;
import io.candor.prompts.Prompts;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The command line's side: hands a single-draft {@code candor review} or a {@code candor stats} to a running
 * {@code candor daemon} of the same build, folder and environment, and relays its output, its
 * reads of standard input and its exit code. Without such a daemon, or when it declines,
 * nothing has been written and the command runs in its own process, as it always did.
 */
public final class DaemonClient {
    /** The exit code when the daemon stopped in the middle of a command: sysexits' "try again later". */
    public static final int LOST = 75;
    /**
     * {@code -Dcandor.daemon=off} runs the command in its own process even when a daemon
     * listens: the launcher's class-data warm-up must load the review's classes itself.
     */
    public static final String OFF_PROPERTY = "candor.daemon";
    /**
     * A daemon takes or declines a command at once (it waits at most a quarter of a second for
     * one running); one that says nothing for this long is hung, and the command runs here.
     */
    static final long ANSWER_WITHIN_MS = 3_000;

    private DaemonClient() {
    }

    /**
     * Whether these arguments are a command the daemon runs: a review of one draft (a batch runs
     * long on its own) or the team's stats. Commands that ask the person at the terminal a
     * question, run long or serve others are never handed over.
     */
    public static boolean routed(String[] args) {
        if (args.length == 0 || !args[0].equals("review") && !args[0].equals("stats")) {
            return false;
        }
        for (String a : args) {
            if (a.equals("--batch") || a.startsWith("--batch=") || a.startsWith("-b") || a.equals("--help")
                    || a.equals("-h") || a.equals("--version") || a.equals("-V")) {
                return false;
            }
        }
        return true;
    }

    /**
     * The exit code of the command as the daemon ran it, or empty when no daemon ran it
     * (then nothing was printed). When no daemon is listening, that costs a few file
     * checks (the jar's size and time, the socket file), no socket and no class of the command.
     */
    public static OptionalInt tryRun(String[] args) {
        if (!routed(args) || "off".equals(System.getProperty(OFF_PROPERTY))) {
            return OptionalInt.empty();
        }
        Optional<DaemonSocket> socket = DaemonSocket.forThisBuild(System.getenv());
        if (socket.isEmpty() || !socket.get().mayBeListening() || !socket.get().trusted()) {
            return OptionalInt.empty();
        }
        return run(socket.get(), new Wire.Request(List.of(args), RunContext.current(), System.console() != null),
                System.in, System.out, System.err);
    }

    static OptionalInt run(DaemonSocket socket, Wire.Request request, InputStream stdin, PrintStream stdout,
                           PrintStream stderr) {
        SocketChannel ch;
        try {
            ch = socket.connect();
        } catch (IOException e) {
            return OptionalInt.empty(); // a socket left by a daemon that stopped: run here
        }
        boolean answered = false;
        HungGuard guard = new HungGuard(ch);
        try (ch) {
            DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Channels.newOutputStream(ch)));
            DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(ch)));
            guard.start();
            request.write(out);
            byte first = in.readByte();
            guard.interrupt();
            if (first != Wire.ACCEPT) {
                return OptionalInt.empty(); // declined, or not a daemon of this build
            }
            answered = true; // it runs there now: running it here too could store the draft twice
            byte[] buf = new byte[Wire.CHUNK];
            while (true) {
                byte kind = in.readByte();
                switch (kind) {
                    case Wire.OUT, Wire.ERR -> {
                        int len = in.readInt();
                        if (len < 0 || len > Wire.CHUNK) {
                            throw new IOException("a frame of " + len + " bytes");
                        }
                        in.readFully(buf, 0, len);
                        OutputStream to = kind == Wire.OUT ? stdout : stderr;
                        to.write(buf, 0, len);
                        to.flush();
                    }
                    case Wire.READ -> {
                        int want = Math.min(Math.max(in.readInt(), 1), Wire.CHUNK);
                        int got = stdin.read(buf, 0, want);
                        out.writeInt(got);
                        if (got > 0) {
                            out.write(buf, 0, got);
                        }
                        out.flush();
                    }
                    case Wire.EXIT -> {
                        stdout.flush();
                        return OptionalInt.of(in.readInt());
                    }
                    default -> throw new IOException("an unknown frame " + kind);
                }
            }
        } catch (IOException e) {
            guard.interrupt();
            if (!answered) {
                return OptionalInt.empty();
            }
            stdout.flush();
            stderr.println("candor: " + new Prompts(CandorConfig.defaults().prompts()).render("cli:daemon-lost"));
            stderr.flush();
            return OptionalInt.of(LOST);
        }
    }

    /** Closes the connection when the daemon neither takes nor declines the command in time (a class, not a lambda: see DaemonSocket). */
    private static final class HungGuard extends Thread {
        private final SocketChannel ch;

        HungGuard(SocketChannel ch) {
            super("candor-daemon-answer");
            setDaemon(true);
            this.ch = ch;
        }

        @Override
        public void run() {
            try {
                Thread.sleep(ANSWER_WITHIN_MS);
                ch.close();
            } catch (InterruptedException | IOException e) {
                // answered in time, or already closed
            }
        }
    }
}
