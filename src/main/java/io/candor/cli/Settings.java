package io.candor.cli;

import io.candor.config.CandorConfig;
import io.candor.config.ConfigException;
import io.candor.discord.DiscordSettings;
import io.candor.history.HistorySettings;
import io.candor.mention.MentionSettings;
import io.candor.mention.People;
import io.candor.mention.Person;
import io.candor.network.NetworkSettings;
import io.candor.remind.ReminderSettings;
import io.candor.review.ReviewSettings;
import io.candor.slack.SlackSettings;
import io.candor.stats.StatsSettings;
import io.candor.store.StorageSettings;
import io.candor.web.ServerSettings;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole settings file, every section decoded strictly, at start: a typo in a section the
 * command at hand never reads (a {@code mentions:} key for {@code candor review}) stops it
 * there, naming the file and the key, as {@code candor config check} does. Rules and prompts
 * are other files, read by the features that use them.
 *
 * @param file the settings as read, for the rules, the prompts and {@link CandorConfig#where()}
 */
public record Settings(CandorConfig file, ReviewSettings review, DiscordSettings discord, SlackSettings slack,
                       List<Person> people, MentionSettings mentions, NetworkSettings networks, ReminderSettings reminders,
                       ServerSettings server, StorageSettings storage, HistorySettings history, StatsSettings stats) {
    /**
     * The sections read straight into a settings record, in the order they are checked
     * ({@code storage}, {@code stats} and {@code people} have readers of their own).
     */
    static final Map<String, Class<?>> RECORD_SECTIONS = recordSections();

    private static Map<String, Class<?>> recordSections() {
        Map<String, Class<?>> sections = new LinkedHashMap<>();
        sections.put("review", ReviewSettings.class);
        sections.put("discord", DiscordSettings.class);
        sections.put("slack", SlackSettings.class);
        sections.put("mentions", MentionSettings.class);
        sections.put("reminders", ReminderSettings.class);
        sections.put("server", ServerSettings.class);
        sections.put("history", HistorySettings.class);
        sections.put("networks", NetworkSettings.class);
        return Collections.unmodifiableMap(sections);
    }

    public Settings {
        people = List.copyOf(people);
    }

    /**
     * Every section of {@code cfg}, decoded.
     *
     * @throws ConfigException naming the file, the section and the key of the first mistake
     */
    public static Settings read(CandorConfig cfg) {
        Map<String, Object> read = new LinkedHashMap<>();
        RECORD_SECTIONS.forEach((name, type) -> read.put(name, cfg.section(name, type)));
        StorageSettings storage = StorageSettings.from(cfg);
        StatsSettings stats = StatsSettings.from(cfg);
        List<Person> people = People.from(cfg).all();
        for (String s : cfg.sections()) {
            if (!read.containsKey(s) && !s.equals("storage") && !s.equals("stats") && !s.equals("people")) {
                throw new ConfigException("Candor does not know how to read section '" + s + "'");
            }
        }
        return new Settings(cfg, (ReviewSettings) read.get("review"), (DiscordSettings) read.get("discord"),
                (SlackSettings) read.get("slack"), people, (MentionSettings) read.get("mentions"),
                (NetworkSettings) read.get("networks"), (ReminderSettings) read.get("reminders"),
                (ServerSettings) read.get("server"), storage, (HistorySettings) read.get("history"), stats);
    }

    /** The bundled defaults only. */
    public static Settings defaults() {
        return read(CandorConfig.defaults());
    }

    /** The team in {@code people:}, as a new {@link People} (which learns whom chat introduces). */
    public People team() {
        return new People(people);
    }
}
