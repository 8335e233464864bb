package io.candor.web;

import com.sun.net.httpserver.HttpHandler;

/**
 * Where features mount their HTTP endpoints on the built-in server (the mentions
 * webhook, health, Slack's HTTP mode), so there is one port and one server.
 */
public interface Routes {
    void route(String path, HttpHandler handler);
}
