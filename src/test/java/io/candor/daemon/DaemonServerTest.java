package io.candor.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonServerTest {
    @TempDir
    Path tmp;

    @Test
    void theCallerGetsTheCommandsOutputErrorsAndExitCode() throws Exception {
        try (DaemonRig rig = new DaemonRig(tmp, args -> {
            System.out.print("reviewed: " + args + " – ünïcode ✓\n");
            System.err.println("a warning");
            return 3;
        })) {
            DaemonRig.Answer a = rig.ask(List.of("review", "--text", "hello"));
            assertThat(a.code()).hasValue(3);
            assertThat(a.out()).isEqualTo("reviewed: [review, --text, hello] – ünïcode ✓\n");
            assertThat(a.err()).isEqualTo("a warning\n");
        }
    }

    @Test
    void standardInputIsReadFromTheCallerAsTheCommandReadsIt() throws Exception {
        byte[] input = new byte[300_000]; // several frames
        new Random(7).nextBytes(input);
        try (DaemonRig rig = new DaemonRig(tmp, args -> {
            try {
                byte[] read = System.in.readAllBytes();
                System.out.print(read.length + " " + sha(read));
                return 0;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        })) {
            DaemonRig.Answer a = rig.ask(List.of("review", "-"), RunContext.current(), input);
            assertThat(a.code()).hasValue(0);
            assertThat(a.out()).isEqualTo(input.length + " " + sha(input));
        }
    }

    @Test
    void aLongOutputArrivesWhole() throws Exception {
        String line = "x".repeat(99) + "\n";
        try (DaemonRig rig = new DaemonRig(tmp, args -> {
            for (int i = 0; i < 5_000; i++) {
                System.out.print(line);
            }
            return 0;
        })) {
            assertThat(rig.ask(List.of("review")).out()).isEqualTo(line.repeat(5_000));
        }
    }

    @Test
    void aCallerFromAnotherFolderOrEnvironmentIsDeclinedWithNothingPrintedOrRun() throws Exception {
        AtomicInteger ran = new AtomicInteger();
        try (DaemonRig rig = new DaemonRig(tmp, args -> ran.incrementAndGet())) {
            Map<String, String> elsewhere = new TreeMap<>(RunContext.current());
            elsewhere.put("working folder", "/somewhere/else");
            DaemonRig.Answer a = rig.ask(List.of("review", "--text", "hi"), elsewhere, new byte[0]);
            assertThat(a.code()).isEmpty();
            assertThat(a.out()).isEmpty();
            assertThat(a.err()).isEmpty();

            Map<String, String> token = new TreeMap<>(RunContext.current());
            token.put("$SLACK_BOT_TOKEN", "xoxb-secret-value");
            assertThat(rig.ask(List.of("review"), token, new byte[0]).code()).isEmpty();
            assertThat(ran).hasValue(0);
            // the log names what differed, never a value: the token stays out of it
            assertThat(rig.log).anyMatch(l -> l.contains("working folder")).anyMatch(l -> l.contains("$SLACK_BOT_TOKEN"))
                    .noneMatch(l -> l.contains("xoxb") || l.contains("/somewhere"));
        }
    }

    @Test
    void aSecondCommandWhileOneRunsIsDeclinedRatherThanKeptWaiting() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (DaemonRig rig = new DaemonRig(tmp, args -> {
            started.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        })) {
            Thread first = new Thread(() -> rig.ask(List.of("review", "first")));
            first.start();
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            // queued, it would run once the first ends and answer 0; it is declined instead
            assertThat(rig.ask(List.of("review", "second")).code()).isEmpty();
            release.countDown();
            first.join(5_000);
            assertThat(rig.ask(List.of("review", "third")).code()).hasValue(0);
        }
    }

    @Test
    void aConnectionThatSendsNothingOrGarbageIsClosedAndTheNextCallerServed() throws Exception {
        AtomicInteger ran = new AtomicInteger();
        try (DaemonRig rig = new DaemonRig(tmp, args -> ran.incrementAndGet() * 0)) {
            try (SocketChannel silent = rig.socket.connect()) {
                ByteBuffer buf = ByteBuffer.allocate(16);
                assertThat(silent.read(buf)).isEqualTo(-1); // closed by the daemon after its request deadline
            }
            try (SocketChannel garbage = rig.socket.connect()) {
                garbage.write(ByteBuffer.wrap("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
                assertThat(garbage.read(ByteBuffer.allocate(16))).isEqualTo(-1);
            }
            try (SocketChannel huge = rig.socket.connect()) {
                DataOutputStream out = new DataOutputStream(Channels.newOutputStream(huge));
                out.writeInt(Wire.MAGIC);
                out.writeInt(Wire.VERSION);
                out.writeInt(Integer.MAX_VALUE); // "two billion arguments"
                out.flush();
                assertThat(huge.read(ByteBuffer.allocate(16))).isEqualTo(-1);
            }
            assertThat(ran).hasValue(0);
            assertThat(rig.ask(List.of("review")).code()).hasValue(0);
            assertThat(ran).hasValue(1);
        }
    }

    @Test
    void aStaleSocketIsReplacedAndALiveDaemonIsNotDisplaced() throws Exception {
        Path sock = tmp.resolve("candor").resolve("daemon-test.sock");
        Files.createDirectories(sock.getParent(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        try (ServerSocketChannel gone = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            gone.bind(java.net.UnixDomainSocketAddress.of(sock)); // closed without removing its file, as a killed daemon leaves it
        }
        assertThat(sock).exists();
        // a caller finds nobody there and runs the command itself, printing nothing
        assertThat(DaemonClient.run(new DaemonSocket(sock), new Wire.Request(List.of("review"), RunContext.current(), false),
                new java.io.ByteArrayInputStream(new byte[0]), System.out, System.err)).isEmpty();
        try (DaemonRig rig = new DaemonRig(tmp, args -> 0)) {
            assertThat(rig.ask(List.of("review")).code()).hasValue(0);
            DaemonServer second = new DaemonServer(rig.socket, args -> 1, RunContext.current(), Duration.ofMinutes(1),
                    java.time.Clock.systemUTC(), (k, v) -> { }, DaemonRig.QUICK);
            assertThatThrownBy(second::bind).isInstanceOf(IOException.class).hasMessageContaining("already listens");
            assertThat(rig.ask(List.of("review")).code()).hasValue(0);
        }
        assertThat(sock).doesNotExist(); // removed when the daemon stopped
    }

    @Test
    void itStopsWhenIdleAndWhenItsSocketIsRemoved() throws Exception {
        try (DaemonRig rig = new DaemonRig(tmp, args -> 0, Duration.ofMillis(600))) {
            assertThat(rig.ask(List.of("review")).code()).hasValue(0);
            rig.serving.join(5_000);
            assertThat(rig.serving.isAlive()).isFalse();
            assertThat(rig.log).anyMatch(l -> l.startsWith("cli:daemon-idle"));
            assertThat(rig.socket.path()).doesNotExist();
        }
        Path other = Files.createDirectories(tmp.resolve("other"));
        try (DaemonRig rig = new DaemonRig(other, args -> 0)) {
            Files.delete(rig.socket.path());
            rig.serving.join(5_000);
            assertThat(rig.serving.isAlive()).isFalse();
            assertThat(rig.log).anyMatch(l -> l.startsWith("cli:daemon-socket-gone"));
        }
    }

    @Test
    void aDaemonThatStopsMidCommandLeavesTheCallerAClearMessageNotASilentCut() throws Exception {
        Path sock = Files.createDirectories(tmp.resolve("c")).resolve("d.sock");
        try (ServerSocketChannel fake = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            fake.bind(java.net.UnixDomainSocketAddress.of(sock));
            Thread t = new Thread(() -> {
                try (SocketChannel ch = fake.accept()) {
                    DataInputStream in = new DataInputStream(Channels.newInputStream(ch));
                    Wire.Request.read(in);
                    DataOutputStream out = new DataOutputStream(Channels.newOutputStream(ch));
                    out.writeByte(Wire.ACCEPT);
                    byte[] half = "Ready: nothing here ne".getBytes(StandardCharsets.UTF_8);
                    Wire.frame(out, Wire.OUT, half, 0, half.length);
                    out.flush();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            t.start();
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
            OptionalInt code = DaemonClient.run(new DaemonSocket(sock), new Wire.Request(List.of("review"), RunContext.current(), false),
                    new java.io.ByteArrayInputStream(new byte[0]), new java.io.PrintStream(out, true, StandardCharsets.UTF_8),
                    new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
            t.join(5_000);
            assertThat(code).hasValue(DaemonClient.LOST);
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("Ready: nothing here ne");
            assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("candor: the daemon stopped while it ran this command");
        }
    }

    @Test
    void whileItWarmsUpACallerIsDeclinedAtOnceNotKeptWaiting() throws Exception {
        AtomicInteger ran = new AtomicInteger();
        DaemonSocket socket = new DaemonSocket(tmp.resolve("candor").resolve("daemon-warming.sock"));
        DaemonServer server = new DaemonServer(socket, args -> ran.incrementAndGet(), RunContext.current(),
                Duration.ofMinutes(1), java.time.Clock.systemUTC(), (k, v) -> { }, DaemonRig.QUICK);
        server.bind();
        Thread serving = new Thread(() -> {
            try {
                server.serve();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        serving.start();
        try {
            Wire.Request review = new Wire.Request(List.of("review"), RunContext.current(), false);
            assertThat(DaemonClient.run(socket, review, new java.io.ByteArrayInputStream(new byte[0]), System.out,
                    System.err)).isEmpty();
            assertThat(ran).hasValue(0);
            server.open();
            assertThat(DaemonClient.run(socket, review, new java.io.ByteArrayInputStream(new byte[0]), System.out,
                    System.err)).hasValue(1);
        } finally {
            server.close();
            serving.join(5_000);
        }
    }

    @Test
    void aCommandThatRunsTheJvmOutOfMemoryIsAnsweredAndTheDaemonStops() throws Exception {
        try (DaemonRig rig = new DaemonRig(tmp, args -> {
            throw new OutOfMemoryError("Java heap space");
        })) {
            DaemonRig.Answer a = rig.ask(List.of("review"));
            assertThat(a.code()).hasValue(1);
            assertThat(a.err()).isEqualTo("candor: java.lang.OutOfMemoryError: Java heap space\n");
            rig.serving.join(5_000);
            assertThat(rig.serving.isAlive()).as("the next command runs on its own, not in a JVM in that state").isFalse();
            assertThat(rig.socket.path()).doesNotExist();
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(60) // without the client's guard this would wait forever
    void aHungDaemonThatNeitherTakesNorDeclinesLeavesTheCommandToRunOnItsOwn() throws Exception {
        Path sock = Files.createDirectories(tmp.resolve("h")).resolve("d.sock");
        try (ServerSocketChannel hung = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            hung.bind(java.net.UnixDomainSocketAddress.of(sock)); // listens, never accepts: the kernel queues the caller
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            OptionalInt code = DaemonClient.run(new DaemonSocket(sock),
                    new Wire.Request(List.of("review"), RunContext.current(), false),
                    new java.io.ByteArrayInputStream(new byte[0]), new java.io.PrintStream(out), System.err);
            assertThat(code).isEmpty();
            assertThat(out.size()).isZero();
        }
    }

    @Test
    void aSocketFolderOthersCanWriteToIsRefusedByTheDaemonAndNotTalkedToByACommand() throws Exception {
        Path open = Files.createDirectories(tmp.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        DaemonSocket socket = new DaemonSocket(open.resolve("daemon.sock"));
        assertThatThrownBy(socket::prepareFolder).isInstanceOf(IOException.class)
                .hasMessageContaining(open.toString()).hasMessageContaining("other users");
        // a socket someone else could have put there: a command would send its draft and tokens to it
        try (ServerSocketChannel planted = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            planted.bind(socket.address());
            assertThat(socket.mayBeListening()).isTrue();
            assertThat(socket.trusted()).isFalse();
            Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwx------"));
            assertThat(socket.trusted()).isTrue();
        }
    }

    @Test
    void usageHelpIsColouredAsForTheCallersTerminalNotTheDaemons() throws Exception {
        try (DaemonRig rig = new DaemonRig(tmp, args -> {
            System.out.print(System.getProperty("picocli.ansi"));
            return 0;
        })) {
            boolean atTerminal = RunContext.colours(true, System.getenv());
            assertThat(rig.ask(new Wire.Request(List.of("review"), RunContext.current(), true), new byte[0]).out())
                    .isEqualTo(Boolean.toString(atTerminal));
            assertThat(rig.ask(new Wire.Request(List.of("review"), RunContext.current(), false), new byte[0]).out())
                    .isEqualTo("false");
        }
        assertThat(System.getProperty("picocli.ansi")).isNull(); // the daemon's own left as it was
        assertThat(RunContext.colours(true, Map.of())).isTrue();
        assertThat(RunContext.colours(true, Map.of("NO_COLOR", "1"))).isFalse();
        assertThat(RunContext.colours(true, Map.of("CLICOLOR", "0"))).isFalse();
        assertThat(RunContext.colours(false, Map.of("CLICOLOR_FORCE", "1"))).isTrue();
        assertThat(RunContext.colours(false, Map.of())).isFalse();
    }

    @Test
    void onlyASingleDraftReviewIsHandedOver() {
        assertThat(DaemonClient.routed(new String[] {"review", "--text", "hi"})).isTrue();
        assertThat(DaemonClient.routed(new String[] {"review", "-"})).isTrue();
        assertThat(DaemonClient.routed(new String[] {"review", "--batch", "f.jsonl"})).isFalse();
        assertThat(DaemonClient.routed(new String[] {"review", "-b", "f.jsonl"})).isFalse();
        assertThat(DaemonClient.routed(new String[] {"review", "--help"})).isFalse();
        assertThat(DaemonClient.routed(new String[] {"stats", "--since", "365d"})).isTrue();
        assertThat(DaemonClient.routed(new String[] {"mentions", "import", "f.csv"})).isFalse(); // it may ask at the terminal
        assertThat(DaemonClient.routed(new String[] {"chat"})).isFalse();
        assertThat(DaemonClient.routed(new String[] {"daemon"})).isFalse();
        assertThat(DaemonClient.routed(new String[0])).isFalse();
    }

    private static String sha(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
