package io.candor.network;

import io.candor.TestTeam;
import io.candor.cli.BotWiring;
import io.candor.mention.model.Mention;
import io.candor.mention.model.MentionState;
import io.candor.prompts.Prompts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A team (settings, database, clock, the bot as serve wires it) and its network poller, built
 * from an environment the way {@code candor serve} builds them ({@link BotWiring#connectors},
 * {@link BotWiring#networks}); the replies the poller finds are kept in the team's history.
 */
final class NetworkRig implements AutoCloseable {
    /** Monday 10:00 UTC: inside the default business hours. */
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    final TestTeam team;
    final Map<String, String> env;
    final List<OwnReply> kept = new CopyOnWriteArrayList<>();
    NetworkPoller poller;

    NetworkRig(String yaml, Map<String, String> env) {
        this(TestTeam.create(yaml, NOW), env);
    }

    NetworkRig(TestTeam team, Map<String, String> env) {
        this.team = team;
        this.env = env;
        this.poller = newPoller("test-instance");
    }

    /** A poller as a (re)started instance makes it, on the same database. */
    NetworkPoller newPoller(String owner) {
        Prompts prompts = new Prompts(team.config.prompts());
        List<Connector> connectors = BotWiring.connectors(team.config, env, prompts, team.clock);
        String chatTeam = team.config.section("networks", NetworkSettings.class).team();
        return BotWiring.networks(team.config, connectors, team.m, team.db, (m, reply, platform, author) -> {
            kept.add(reply);
            team.wiring.history().recordAnswer(platform, reply.text(), author, chatTeam, platform, reply.at());
        }, team.clock, owner);
    }

    PollReport pollOnce() {
        List<PollReport> all = poller.pollAll();
        return all.get(0);
    }

    List<Mention> mentions() {
        return team.m.store().listed(List.of(), null, 100_000);
    }

    Mention bySource(String platform, String id) {
        return team.m.store().findBySource(platform, id).orElseThrow(() -> new AssertionError("no mention " + id));
    }

    MentionState state(String platform, String id) {
        return bySource(platform, id).state();
    }

    @Override
    public void close() {
        poller.close();
        team.close();
    }
}
