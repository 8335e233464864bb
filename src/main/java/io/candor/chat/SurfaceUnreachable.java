package io.candor.chat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;

/**
 * A chat platform could not be reached at all (no route, no name, nobody listening, a
 * timeout), as opposed to a token it refused. One line says which platform, where and why;
 * {@code candor serve} goes on with the other surfaces and tries again later.
 */
public final class SurfaceUnreachable extends RuntimeException {
    public SurfaceUnreachable(String platform, String where, Throwable cause) {
        super("cannot reach " + platform + " at " + where + ": " + why(cause), cause);
    }

    /** A network failure in a few words: "connection refused", "unknown host slack.com", "timed out". */
    public static String why(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // the JDK's HttpClient reports a name it cannot resolve as a ConnectException caused by this
            if (t instanceof UnknownHostException) {
                return "unknown host" + (t.getMessage() == null ? "" : " " + t.getMessage().replaceFirst(":.*", ""));
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof NoRouteToHostException) {
                return "no route to host";
            }
            if (t instanceof HttpTimeoutException || t instanceof java.net.SocketTimeoutException) {
                return "timed out";
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            }
        }
        return e == null ? "unknown" : e.getClass().getSimpleName();
    }

    /** True when {@code e} (or what caused it) is a failure to reach the other side. */
    public static boolean isNetwork(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
