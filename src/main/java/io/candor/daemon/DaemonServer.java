package io.candor.daemon;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.nio.channels.Channels;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

/**
 * {@code candor daemon}'s listener: runs the commands the command line hands it
 * ({@link DaemonClient}) in this already started and compiled JVM, one at a time, since a
 * command writes to {@code System.out}. It serves only its own user (the socket's peer
 * credentials), only callers whose {@link RunContext} is its own, and declines rather than
 * queue when busy, so a command never waits on another's.
 */
public final class DaemonServer implements Closeable {
    /**
     * @param request   a caller has this long to send its request; a connection that sends nothing is closed
     * @param busy      how long a command waits for the one running before it is declined (and runs in its own process)
     * @param stalled   a caller that stops reading the output for this long is cut off, so the next command can run
     */
    record Timeouts(Duration request, Duration busy, Duration stalled) {
        static final Timeouts DEFAULTS = new Timeouts(Duration.ofSeconds(5), Duration.ofMillis(250), Duration.ofSeconds(30));
    }

    private final DaemonSocket socket;
    private final Function<List<String>, Integer> command;
    private final Map<String, String> context;
    private final Duration idle;
    private final Clock clock;
    private final Log log;
    private final Timeouts timeouts;
    private static final String ANSI = "picocli.ansi";
    private final boolean userSetAnsi = System.getProperty(ANSI) != null;
    private final ReentrantLock running = new ReentrantLock();
    private final ThreadPoolExecutor handlers = new ThreadPoolExecutor(2, 4, 30, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(16), r -> daemonThread(r, "candor-daemon-request"));
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(
            r -> daemonThread(r, "candor-daemon-watchdog"));
    private volatile Instant lastUsed;
    private volatile boolean stopping;
    /** False while the daemon warms up: callers are declined at once, rather than kept waiting for it. */
    private volatile boolean open;
    private ServerSocketChannel server;
    private Object boundKey;

    /** What the daemon reports: one line per event, never an argument or a value of the environment. */
    public interface Log {
        void line(String key, Map<String, Object> values);
    }

    DaemonServer(DaemonSocket socket, Function<List<String>, Integer> command, Map<String, String> context,
                 Duration idle, Clock clock, Log log, Timeouts timeouts) {
        this.socket = socket;
        this.timeouts = timeouts;
        this.command = command;
        this.context = Map.copyOf(context);
        this.idle = idle;
        this.clock = clock;
        this.log = log;
        this.lastUsed = clock.instant();
    }

    /** This process's daemon: its own folder and environment are the ones it serves. */
    public static DaemonServer forThisProcess(DaemonSocket socket, Function<List<String>, Integer> command,
                                              Duration idle, Log log) {
        return new DaemonServer(socket, command, RunContext.current(), idle, Clock.systemUTC(), log, Timeouts.DEFAULTS);
    }

    /**
     * Binds the socket. A socket file of a daemon that stopped is replaced; one that answers
     * means a daemon of this build already runs here.
     *
     * @throws IOException naming what is in the way
     */
    public void bind() throws IOException {
        socket.prepareFolder();
        if (socket.answers()) {
            throw new IOException("a daemon of this build already listens on " + socket.path());
        }
        socket.remove(); // a socket file left by a daemon that was killed, if any
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(socket.address());
        boundKey = Files.readAttributes(socket.path(), java.nio.file.attribute.BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS).fileKey();
    }

    /** Serves until {@link #close}, until idle for the configured time, or until its socket file is removed. */
    public void serve() throws IOException {
        server.configureBlocking(false);
        try (Selector selector = Selector.open()) {
            server.register(selector, SelectionKey.OP_ACCEPT);
            while (!stopping) {
                selector.select(500);
                selector.selectedKeys().clear();
                SocketChannel ch;
                while (!stopping && (ch = acceptOne()) != null) {
                    dispatch(ch);
                }
                if (!running.isLocked() && handlers.getActiveCount() == 0
                        && Duration.between(lastUsed, clock.instant()).compareTo(idle) >= 0) {
                    log.line("cli:daemon-idle", Map.of("minutes", idle.toMinutes()));
                    break;
                }
                if (!ours()) {
                    log.line("cli:daemon-socket-gone", Map.of("socket", socket.path().toString()));
                    break;
                }
            }
        } finally {
            close();
        }
    }

    private SocketChannel acceptOne() {
        try {
            return server.accept();
        } catch (IOException e) {
            return null;
        }
    }

    private void dispatch(SocketChannel ch) {
        lastUsed = clock.instant();
        try {
            ch.configureBlocking(true);
            if (!sameUser(ch)) {
                ch.close();
                log.line("cli:daemon-refused", Map.of());
                return;
            }
            handlers.execute(() -> handle(ch));
        } catch (IOException | RejectedExecutionException e) {
            quietly(ch); // too many at once: each runs in its own process instead
        }
    }

    /** The peer's user, from the kernel: the socket folder already keeps others out; this checks anyway. */
    private static boolean sameUser(SocketChannel ch) {
        try {
            UnixDomainPrincipal peer = ch.getOption(ExtendedSocketOptions.SO_PEERCRED);
            return DaemonSocket.isThisUser(peer.user());
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private void handle(SocketChannel ch) {
        try (ch) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(ch)));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(ch)));
            ScheduledFuture<?> deadline = watchdog.schedule(() -> quietly(ch), timeouts.request().toMillis(), TimeUnit.MILLISECONDS);
            Wire.Request request;
            try {
                request = Wire.Request.read(in);
            } finally {
                deadline.cancel(false);
            }
            if (!open || request.args().isEmpty()) {
                decline(out);
                return;
            }
            Optional<String> differs = RunContext.difference(context, request.context());
            if (differs.isPresent()) {
                log.line("cli:daemon-declined", Map.of("what", differs.get()));
                decline(out);
                return;
            }
            if (!running.tryLock(timeouts.busy().toMillis(), TimeUnit.MILLISECONDS)) {
                decline(out);
                return;
            }
            try {
                out.writeByte(Wire.ACCEPT);
                out.flush();
                long started = System.nanoTime();
                int code = runWithStreams(request, ch, in, out);
                log.line("cli:daemon-served", Map.of("command", request.args().get(0), "exit", code,
                        "ms", (System.nanoTime() - started) / 1_000_000));
                out.writeByte(Wire.EXIT);
                out.writeInt(code);
                out.flush();
            } finally {
                running.unlock();
                lastUsed = clock.instant();
            }
        } catch (IOException e) {
            // the caller went away or sent something else than a request; nothing to answer
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void decline(DataOutputStream out) throws IOException {
        out.writeByte(Wire.DECLINE);
        out.flush();
    }

    /** Runs the command with the caller's standard streams in place of the daemon's. */
    private int runWithStreams(Wire.Request request, SocketChannel ch, DataInputStream in, DataOutputStream out)
            throws IOException {
        // picocli colours usage help as it would for the caller (unless picocli.ansi was set for the daemon's JVM)
        String ansi = System.getProperty(ANSI);
        if (!userSetAnsi) {
            System.setProperty(ANSI, Boolean.toString(RunContext.colours(request.terminal(), System.getenv())));
        }
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        InputStream stdin = System.in;
        Runnable cutOff = () -> quietly(ch);
        CallerStreams.Output o = new CallerStreams.Output(out, Wire.OUT, watchdog, timeouts.stalled(), cutOff);
        CallerStreams.Output e = new CallerStreams.Output(out, Wire.ERR, watchdog, timeouts.stalled(), cutOff);
        PrintStream callerOut = new PrintStream(o, false, StandardCharsets.UTF_8);
        PrintStream callerErr = new PrintStream(e, true, StandardCharsets.UTF_8);
        System.setOut(callerOut);
        System.setErr(callerErr);
        System.setIn(new CallerStreams.Input(in, out));
        int code;
        try {
            code = command.apply(request.args());
        } catch (RuntimeException failure) {
            callerErr.println("candor: " + failure);
            code = 1;
        } catch (Error failure) {
            // out of memory or worse: this JVM may be in no state for the next command, which will run on its own
            callerErr.println("candor: " + failure);
            code = 1;
            stopping = true;
        } finally {
            callerOut.flush();
            callerErr.flush();
            System.setOut(stdout);
            System.setErr(stderr);
            System.setIn(stdin);
            if (!userSetAnsi) {
                restore(ANSI, ansi);
            }
        }
        if (o.failed() || e.failed()) {
            throw new IOException("the caller stopped reading");
        }
        return code;
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }

    /** Whether the socket file is still the one this daemon bound (not removed, not another daemon's). */
    private boolean ours() {
        try {
            return boundKey != null && boundKey.equals(Files.readAttributes(socket.path(),
                    java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey());
        } catch (IOException e) {
            return false;
        }
    }

    /** Starts running the commands it is handed; until then it declines each (they run on their own). */
    public void open() {
        open = true;
    }

    @Override
    public void close() {
        stopping = true;
        if (server != null) {
            quietly(server);
            if (ours()) {
                try {
                    Files.deleteIfExists(socket.path());
                } catch (IOException e) {
                    // left behind; the next daemon or caller finds it stale and replaces or ignores it
                }
            }
        }
        handlers.shutdown();
        watchdog.shutdownNow();
    }

    private static void quietly(Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // closing a connection that is going away anyway
        }
    }

    private static Thread daemonThread(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
