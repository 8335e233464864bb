package io.candor.daemon;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.URISyntaxException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where the daemon of this build of Candor listens: a Unix-domain socket in a folder only its
 * user can enter ({@code $XDG_RUNTIME_DIR/candor}, else the cache folder the launcher keeps its
 * class-data archive in), named after the jar's size and time, so a rebuilt jar never talks to
 * an older daemon.
 */
public record DaemonSocket(Path path) {
    /** Unix sockets take paths of up to 107 bytes (108 with the terminating zero on Linux). */
    static final int MAX_PATH_BYTES = 107;

    /**
     * The socket of the jar (or classes folder) this class came from, in this environment's
     * folder. On every command's path, so written without lambdas or string concatenation,
     * whose first use costs a JVM tens of milliseconds of bootstrapping.
     */
    public static Optional<DaemonSocket> forThisBuild(Map<String, String> env) {
        String stamp = build();
        if (stamp == null) {
            return Optional.empty();
        }
        Path path = folder(env).resolve(new StringBuilder("daemon-").append(stamp).append(".sock").toString());
        if (path.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PATH_BYTES) {
            return Optional.empty();
        }
        return Optional.of(new DaemonSocket(path));
    }

    static Path folder(Map<String, String> env) {
        String runtime = env.get("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank()) {
            return Path.of(runtime, "candor");
        }
        String cache = env.get("XDG_CACHE_HOME");
        if (cache != null && !cache.isBlank()) {
            return Path.of(cache, "candor");
        }
        return Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".cache", "candor");
    }

    /** The jar's size and modification time in seconds, as {@code bin/candor} stamps its archive; a classes folder by its path; null if neither. */
    private static String build() {
        try {
            Path from = Path.of(DaemonSocket.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(from)) {
                return new StringBuilder().append(Files.size(from)).append('-')
                        .append(Files.getLastModifiedTime(from).toMillis() / 1000).toString();
            }
            return new StringBuilder("classes-").append(Integer.toHexString(from.toAbsolutePath().toString().hashCode())).toString();
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return null; // no code source we can stamp: no daemon, every command runs in its own process
        }
    }

    public UnixDomainSocketAddress address() {
        return UnixDomainSocketAddress.of(path);
    }

    /** Whether a daemon may be listening: one stat, the whole cost to a command when none is. */
    boolean mayBeListening() {
        return Files.exists(path, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Whether a command may send its draft and environment (tokens among it) here: the socket
     * and its folder are this user's, and nobody else can write to the folder. A socket
     * another user put in a shared runtime folder is never talked to.
     */
    boolean trusted() {
        try {
            return trusted(path.getParent()) && isThisUser(Files.getOwner(path, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Whether a daemon listens on this socket now. */
    public boolean answers() {
        if (!mayBeListening()) {
            return false;
        }
        try (SocketChannel other = connect()) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Removes the socket file: the daemon behind it notices within half a second and stops
     * (it stops when its socket is gone), and no new command reaches it meanwhile.
     */
    public void remove() throws IOException {
        Files.deleteIfExists(path);
    }

    SocketChannel connect() throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.connect(address());
            return ch;
        } catch (IOException e) {
            ch.close();
            throw e;
        }
    }

    /**
     * Makes the socket's folder (owner only) or checks the one there: a folder others can write
     * to could hold a socket someone else put there, so it is refused, naming the folder.
     */
    void prepareFolder() throws IOException {
        Path folder = path.getParent();
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rwx------");
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(ownerOnly));
        }
        if (!trusted(folder)) {
            throw new IOException(folder + " can be written by other users or belongs to another; "
                    + "the daemon listens only in a folder of your own (chmod 700 it)");
        }
    }

    /** Whether a file's owner, or a socket's peer, is the user this JVM runs as. */
    static boolean isThisUser(java.nio.file.attribute.UserPrincipal who) {
        return who.getName().equals(System.getProperty("user.name"));
    }

    /** A folder owned by this user that no other user can write to. */
    static boolean trusted(Path folder) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(folder, LinkOption.NOFOLLOW_LINKS);
            return isThisUser(Files.getOwner(folder, LinkOption.NOFOLLOW_LINKS))
                    && !perms.contains(PosixFilePermission.GROUP_WRITE) && !perms.contains(PosixFilePermission.OTHERS_WRITE);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
