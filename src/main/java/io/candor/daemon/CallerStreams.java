package io.candor.daemon;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** The caller's standard streams as a command in the daemon sees them: frames on the socket ({@link Wire}). */
final class CallerStreams {
    private CallerStreams() {
    }

    /** Output to the caller in frames; a caller that stops reading for {@code stalled} is cut off, so the next command can run. */
    static final class Output extends OutputStream {
        private final DataOutputStream out;
        private final byte kind;
        private final ScheduledExecutorService watchdog;
        private final Duration stalled;
        private final Runnable cutOff;
        private final byte[] buf = new byte[Wire.CHUNK];
        private int n;
        private boolean failed;

        Output(DataOutputStream out, byte kind, ScheduledExecutorService watchdog, Duration stalled, Runnable cutOff) {
            this.out = out;
            this.kind = kind;
            this.watchdog = watchdog;
            this.stalled = stalled;
            this.cutOff = cutOff;
        }

        boolean failed() {
            return failed;
        }

        @Override
        public void write(int b) throws IOException {
            if (n == buf.length) {
                flush();
            }
            buf[n++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (n == buf.length) {
                    flush();
                }
                int k = Math.min(len, buf.length - n);
                System.arraycopy(b, off, buf, n, k);
                n += k;
                off += k;
                len -= k;
            }
        }

        @Override
        public void flush() throws IOException {
            if (n == 0 || failed) {
                n = 0;
                return;
            }
            ScheduledFuture<?> cut = watchdog.schedule(cutOff, stalled.toMillis(), TimeUnit.MILLISECONDS);
            try {
                synchronized (out) {
                    Wire.frame(out, kind, buf, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                failed = true;
                throw e;
            } finally {
                cut.cancel(false);
                n = 0;
            }
        }
    }

    /** Standard input read from the caller, a chunk at a time, as the command asks for it. */
    static final class Input extends InputStream {
        private final DataInputStream in;
        private final DataOutputStream out;
        private boolean ended;

        Input(DataInputStream in, DataOutputStream out) {
            this.in = in;
            this.out = out;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (ended) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            synchronized (out) {
                out.writeByte(Wire.READ);
                out.writeInt(Math.min(len, Wire.CHUNK));
                out.flush();
            }
            int got = in.readInt();
            if (got < 0) {
                ended = true;
                return -1;
            }
            if (got == 0 || got > Math.min(len, Wire.CHUNK)) {
                throw new IOException("the caller sent " + got + " bytes of input");
            }
            in.readFully(b, off, got);
            return got;
        }
    }
}
