package io.candor;

import io.candor.daemon.DaemonClient;
import java.util.OptionalInt;

/**
 * The jar's entry point: a command a running {@code candor daemon} can take is handed to it,
 * any other runs here ({@link Candor#run}). Its own class, free of picocli's types: before it
 * calls {@code main} the JVM loads every type the main class's methods name, and loading
 * picocli's {@code CommandLine} alone took 10–14 ms in a class-loading log of a handed-over review.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        OptionalInt served = DaemonClient.tryRun(args);
        System.exit(served.isPresent() ? served.getAsInt() : Candor.run(args));
    }
}
