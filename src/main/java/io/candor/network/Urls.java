package io.candor.network;

import io.candor.config.ConfigException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;

/** Addresses of networks (from the environment) and of posts (from what a network answers). */
public final class Urls {
    /** The longest post address kept with a mention (the database column's size). */
    private static final int MAX_URL = 2000;

    private Urls() {
    }

    /**
     * A network's address from {@code variable}: https, or plain http to this machine only (a
     * token or password sent in the clear must not cross a network).
     */
    public static URI base(String value, String variable) {
        URI u;
        try {
            u = new URI(value.strip());
        } catch (URISyntaxException e) {
            throw new ConfigException(variable + " is not an address: '" + value + "'");
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (u.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new ConfigException(variable + " must be an address such as https://mastodon.social, not '" + value + "'");
        }
        if (scheme.equals("http") && !loopback(u.getHost())) {
            throw new ConfigException(variable + " must use https: plain http would send the token in the clear"
                    + " (http is taken only for this machine, e.g. a test server on 127.0.0.1)");
        }
        try {
            return new URI(scheme, null, u.getHost(), u.getPort(), "/", null, null);
        } catch (URISyntaxException e) {
            throw new ConfigException(variable + " is not an address: '" + value + "'");
        }
    }

    private static boolean loopback(String host) {
        if (host.equals("localhost")) {
            return true;
        }
        if (!host.matches("[0-9.]+|\\[?[0-9a-fA-F:]+]?")) {
            return false; // a name: not looked up here
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** A post's web address as the network gave it, when it is one (http or https, not too long); else null. */
    public static String web(String url) {
        if (url == null || url.length() > MAX_URL || !(url.startsWith("https://") || url.startsWith("http://"))) {
            return null;
        }
        return url;
    }
}
