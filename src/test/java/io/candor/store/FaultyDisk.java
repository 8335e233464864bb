package io.candor.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * A disk that can fill up on command: H2 files opened through {@code jdbc:h2:faultydisk:PATH}
 * are ordinary files until {@link #fill()}, after which every write fails the way a full
 * disk fails ({@code IOException: No space left on device}); {@link #free()} makes room again.
 */
public final class FaultyDisk extends FilePathWrapper {
    private static final AtomicReference<String> FAILURE = new AtomicReference<>();

    static {
        FilePath.register(new FaultyDisk());
    }

    /** A JDBC URL for an H2 database at {@code file} on this disk, with Candor's usual settings. */
    public static String url(Path file) {
        FaultyDisk.class.getName(); // registers the scheme
        return Database.toUrl(file.toString()).replace("jdbc:h2:file:", "jdbc:h2:faultydisk:");
    }

    public static void fill() {
        FAILURE.set("No space left on device");
    }

    public static void makeReadOnly() {
        FAILURE.set("Read-only file system");
    }

    public static void heal() {
        FAILURE.set(null);
    }

    @Override
    public String getScheme() {
        return "faultydisk";
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        return new Channel(super.open(mode));
    }

    private static void check() throws IOException {
        String failure = FAILURE.get();
        if (failure != null) {
            throw new IOException(failure);
        }
    }

    private static final class Channel extends FileBase {
        private final FileChannel base;

        Channel(FileChannel base) {
            this.base = base;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return base.read(dst);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return base.read(dst, position);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            check();
            return base.write(src);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            check();
            return base.write(src, position);
        }

        @Override
        public long position() throws IOException {
            return base.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            base.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return base.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            check();
            base.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            check();
            base.force(metaData);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return base.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            base.close();
        }
    }
}
