package io.candor.network;

import io.candor.TestTeam;
import io.candor.cli.BotWiring;
import io.candor.mention.model.Mention;
import io.candor.mention.model.MentionState;
import io.candor.store.MentionStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A team (settings, database, clock, the app as serve makes it) and its network poller, made
 * from an environment the way {@code candor serve} makes them ({@link BotWiring#connectors},
 * {@link BotWiring#poller}); the replies the poller finds are kept in the team's history.
 */
final class NetworkRig implements AutoCloseable {
    /** Monday 10:00 UTC: inside the default business hours. */
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    final TestTeam team;
    final Map<String, String> env;
    final List<OwnReply> kept = new CopyOnWriteArrayList<>();
    private final List<BotWiring> instances = new ArrayList<>();
    NetworkPoller poller;

    NetworkRig(String yaml, Map<String, String> env) {
        this(TestTeam.create(yaml, NOW, env));
    }

    NetworkRig(TestTeam team) {
        this.team = team;
        this.env = team.wiring.env();
        this.poller = newPoller("test-instance");
    }

    /** The poller of an instance (or a restarted one) on the team's database: its own app, from nothing in memory. */
    NetworkPoller newPoller(String owner) {
        BotWiring instance = BotWiring.of(team.settings, team.dbUrl, env, team.clock);
        instances.add(instance);
        String chatTeam = team.settings.networks().team();
        return instance.poller((m, reply, platform, author) -> {
            kept.add(reply);
            team.wiring.history().recordAnswer(platform, reply.text(), author, chatTeam, platform, reply.at());
        }, owner);
    }

    PollReport pollOnce() {
        List<PollReport> all = poller.pollAll();
        return all.get(0);
    }

    List<Mention> mentions() {
        return team.m.store().listed(List.of(), MentionStore.Whose.ANYONE, 100_000);
    }

    Mention bySource(String platform, String id) {
        return team.m.store().findBySource(platform, id).orElseThrow(() -> new AssertionError("no mention " + id));
    }

    MentionState state(String platform, String id) {
        return bySource(platform, id).state();
    }

    @Override
    public void close() {
        instances.forEach(BotWiring::close); // their pollers first, letting their leases go
        team.close();
    }
}
