package io.candor.cli;

/** Interactive commands keep library start-up chatter (pool, migrations) off the screen. */
final class QuietLogs {
    private QuietLogs() {
    }

    static void forInteractiveUse() {
        for (String lib : new String[] {"com.zaxxer.hikari", "org.flywaydb", "com.github.kagkarlsson"}) {
            System.setProperty("org.slf4j.simpleLogger.log." + lib, "warn");
        }
    }
}
