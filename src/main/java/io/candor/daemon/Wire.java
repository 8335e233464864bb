package io.candor.daemon;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The daemon's protocol, both ends. The command line sends its arguments and the context that
 * decides what they mean ({@link RunContext}); the daemon takes it (ACCEPT) and answers with
 * frames: output, error output, a request for standard input, and the exit code; or it declines
 * and the command runs in its own process as without a daemon.
 */
final class Wire {
    static final int MAGIC = 0x43414e44; // "CAND"
    static final int VERSION = 1;

    /** Daemon to command line: the command runs here now (sent before any output). */
    static final byte ACCEPT = 'A';
    /** Bytes for standard output. */
    static final byte OUT = 'O';
    /** Bytes for standard error. */
    static final byte ERR = 'E';
    /** The command reads standard input: send up to this many bytes, or -1 at its end. */
    static final byte READ = 'I';
    /** The command ended with this exit code. */
    static final byte EXIT = 'X';
    /** Not served here (another folder, environment or build, or busy): run it in your own process. */
    static final byte DECLINE = 'D';

    /** A request is a few arguments and names; a megabyte is far beyond any and bounds a hostile one. */
    static final int MAX_REQUEST_BYTES = 1 << 20;
    /** A frame of output or input. */
    static final int CHUNK = 1 << 16;

    private Wire() {
    }

    /**
     * @param terminal whether the caller's standard input and output are a terminal (picocli colours
     *                 its usage help there; the daemon's own streams say nothing about the caller's)
     */
    record Request(List<String> args, Map<String, String> context, boolean terminal) {
        Request {
            args = List.copyOf(args);
            context = Map.copyOf(context);
        }

        void write(DataOutputStream out) throws IOException {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(args.size());
            for (String a : args) {
                string(out, a);
            }
            out.writeInt(context.size());
            for (Map.Entry<String, String> e : context.entrySet()) {
                string(out, e.getKey());
                string(out, e.getValue());
            }
            out.writeBoolean(terminal);
            out.flush();
        }

        /** Reads a request, refusing one that is not this protocol's or is larger than any real one. */
        static Request read(DataInputStream in) throws IOException {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                throw new IOException("not a request of this version of Candor");
            }
            int[] budget = {MAX_REQUEST_BYTES};
            int n = count(in, budget);
            List<String> args = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                args.add(string(in, budget));
            }
            int m = count(in, budget);
            Map<String, String> context = new LinkedHashMap<>();
            for (int i = 0; i < m; i++) {
                context.put(string(in, budget), string(in, budget));
            }
            return new Request(args, context, in.readBoolean());
        }
    }

    static void string(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    static String string(DataInputStream in, int[] budget) throws IOException {
        int len = count(in, budget);
        budget[0] -= len;
        if (budget[0] < 0) {
            throw new IOException("request larger than " + MAX_REQUEST_BYTES + " bytes");
        }
        return new String(in.readNBytes(len), StandardCharsets.UTF_8);
    }

    private static int count(DataInputStream in, int[] budget) throws IOException {
        int n = in.readInt();
        budget[0] -= 4;
        if (n < 0 || n > budget[0]) {
            throw new IOException("request larger than " + MAX_REQUEST_BYTES + " bytes");
        }
        return n;
    }

    /** One frame of bytes (OUT or ERR). */
    static void frame(DataOutputStream out, byte kind, byte[] b, int off, int len) throws IOException {
        out.writeByte(kind);
        out.writeInt(len);
        out.write(b, off, len);
    }
}
