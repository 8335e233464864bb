package io.candor.web;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal HTTP/1.1 keep-alive client for the benchmark: one socket, one request at a
 * time, so the load generator spends little CPU next to the server on a shared machine.
 */
public final class RawHttp implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final String host;

    public RawHttp(String host, int port) throws IOException {
        this.host = host + ":" + port;
        socket = new Socket(host, port);
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 1 << 14);
    }

    /** Sends a POST and returns the status code (the body is read and dropped). */
    public int post(String path, String token, byte[] body) throws IOException {
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        return answer();
    }

    /** A request that gets no answer within this fails with a SocketTimeoutException. */
    RawHttp timeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
        return this;
    }

    /** Sends a GET and returns the status code. */
    int get(String path) throws IOException {
        out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return answer();
    }

    private int answer() throws IOException {
        String status = line();
        int code = Integer.parseInt(status.substring(9, 12));
        int length = 0;
        for (String h; !(h = line()).isEmpty(); ) {
            if (h.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(h.substring(15).strip());
            }
        }
        if (in.readNBytes(length).length < length) {
            throw new IOException("connection closed mid-answer");
        }
        return code;
    }

    private String line() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int c; (c = in.read()) != '\n'; ) {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
