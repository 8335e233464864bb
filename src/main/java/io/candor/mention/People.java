package io.candor.mention;

import com.fasterxml.jackson.databind.JsonNode;
import io.candor.chat.ChatUser;
import io.candor.config.CandorConfig;
import io.candor.config.ConfigException;
import io.candor.identity.ChatKey;
import io.candor.identity.PersonRef;
import io.candor.identity.SurfaceKind;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The team as configured in {@code people:}: who is who across chat surfaces. A mention's
 * assignee is a {@link PersonRef}: a person's name, or for someone not listed their
 * {@link ChatKey}, so they can still own mentions and get reminders on that surface.
 */
public final class People {
    private final Map<String, Person> byName = new LinkedHashMap<>();
    private final Map<PersonRef, ZoneId> learnedZones = new ConcurrentHashMap<>();
    /** People the chat platforms introduced (not in people:), by chat key; and the names they go by. */
    private final Map<ChatKey, ChatUser> met = new ConcurrentHashMap<>();
    private final Map<String, ChatKey> metByName = new ConcurrentHashMap<>();
    private static final int MAX_MET = 50_000;

    public People(Collection<Person> people) {
        for (Person p : people) {
            if (p.name() == null || p.name().isBlank()) {
                throw new ConfigException("people: every person needs a name");
            }
            try {
                p.zoneId();
            } catch (DateTimeException e) {
                throw new ConfigException("people: " + p.name() + " has an unknown time zone '" + p.zone()
                        + "' (use a region such as Europe/Paris)");
            }
            if (byName.put(norm(p.name()), p) != null) {
                throw new ConfigException("people: the name " + p.name() + " is listed twice");
            }
        }
    }

    public static People from(CandorConfig cfg) {
        JsonNode n = cfg.node("people");
        if (n.isMissingNode() || n.isNull()) {
            return new People(List.of());
        }
        if (!n.isArray()) {
            throw new ConfigException(cfg.where() + ": people must be a list of {name, slack, discord, zone}");
        }
        return new People(List.of(io.candor.config.StrictSettings.decode(n, Person[].class, cfg.where() + ": people")));
    }

    public List<Person> all() {
        return List.copyOf(byName.values());
    }

    /** Every zone someone's reminder can follow: those in the config and those chat platforms told us. */
    public Set<ZoneId> zones() {
        Set<ZoneId> out = new HashSet<>(learnedZones.values());
        for (Person p : byName.values()) {
            p.zoneId().ifPresent(out::add);
        }
        return out;
    }

    /**
     * A person named the way people type it: {@code alice}, {@code @alice}, a Slack
     * {@code <@U123>} or a Discord {@code <@!123>}.
     */
    public Optional<Person> find(String ref) {
        String r = ref == null ? "" : ref.strip();
        if (r.startsWith("<") && r.endsWith(">")) {
            r = r.substring(1, r.length() - 1);
            int bar = r.indexOf('|');
            if (bar >= 0) {
                r = r.substring(0, bar);
            }
        }
        r = r.replaceFirst("^[@!]+", "");
        Person p = byName.get(norm(r));
        if (p != null) {
            return Optional.of(p);
        }
        for (Person q : byName.values()) {
            if (r.equals(q.slack()) || r.equals(q.discord())) {
                return Optional.of(q);
            }
        }
        return Optional.empty();
    }

    /** The person behind a chat user, when listed. */
    public Optional<Person> of(ChatUser u) {
        for (Person p : byName.values()) {
            boolean match = switch (u.surface()) {
                case SLACK -> u.id().equals(p.slack());
                case DISCORD -> u.id().equals(p.discord());
                case TERMINAL, CLI -> u.id().equalsIgnoreCase(p.name());
            };
            if (match) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * Remembers a chat user the platform told us about, under their name and chat id (a
     * person in {@code people:} keeps their configured name). {@code aliases}: other names
     * they go by (a Slack handle beside the display name).
     */
    public void met(ChatUser u, String... aliases) {
        if (u == null || u.id() == null || u.id().isBlank()) {
            return;
        }
        u.zone().ifPresent(z -> learnedZones.put(u.key(), z));
        if (of(u).isPresent()) {
            of(u).ifPresent(person -> u.zone().ifPresent(z -> learnedZones.put(ref(person), z)));
            return;
        }
        if (met.size() >= MAX_MET) {
            met.clear();
            metByName.clear();
        }
        met.put(u.key(), u);
        for (String n : aliases) {
            nameFor(n, u.key());
        }
        if (!u.name().equals(u.id())) {
            nameFor(u.name(), u.key());
        }
    }

    private void nameFor(String name, ChatKey key) {
        String n = norm(name == null ? "" : name.replaceFirst("^@+", ""));
        // a configured name always means the configured person
        if (!n.isEmpty() && !byName.containsKey(n)) {
            metByName.put(n, key);
        }
    }

    /** Who this chat user is as an owner of mentions: their name in people:, else their chat key. */
    public PersonRef refOf(ChatUser u) {
        met(u);
        Optional<Person> p = of(u);
        p.ifPresent(person -> u.zone().ifPresent(z -> learnedZones.put(ref(person), z)));
        return p.<PersonRef>map(People::ref).orElse(u.key());
    }

    private static PersonRef ref(Person p) {
        return PersonRef.named(p.name());
    }

    /** Resolves a typed reference to an assignee, or empty when nobody matches. */
    public Optional<PersonRef> assigneeFor(String ref) {
        return assigneeFor(ref, null);
    }

    /**
     * Resolves {@code alice}, {@code @alice}, a chat key, a name someone on chat goes by, or a
     * platform mention ({@code <@U123|ana>}, {@code <@123>}): the latter is someone on the
     * asker's own surface and team, even when Candor has not met them yet.
     */
    public Optional<PersonRef> assigneeFor(String ref, ChatUser asker) {
        String r = ref == null ? "" : ref.strip();
        Optional<Person> p = find(r);
        if (p.isPresent()) {
            return p.map(People::ref);
        }
        Optional<ChatKey> key = ChatKey.parse(r);
        if (key.isPresent()) {
            return key.map(k -> k);
        }
        java.util.regex.Matcher mention = PLATFORM_MENTION.matcher(r);
        if (mention.matches()) {
            String id = mention.group(1);
            for (ChatUser u : met.values()) {
                if (u.id().equals(id) && (asker == null || u.surface() == asker.surface())) {
                    return Optional.of(u.key());
                }
            }
            if (asker != null && asker.surface() != SurfaceKind.TERMINAL) {
                ChatUser u = new ChatUser(asker.surface(), asker.team(), id,
                        mention.group(2) == null ? id : mention.group(2), Optional.empty());
                met(u);
                return Optional.of(u.key());
            }
            return Optional.empty();
        }
        return Optional.ofNullable(metByName.get(norm(r.replaceFirst("^@+", ""))));
    }

    /** {@code <@U123>}, {@code <@U123|ana>}, {@code <@!123>}: a user mention as Slack and Discord write it. */
    private static final java.util.regex.Pattern PLATFORM_MENTION = java.util.regex.Pattern.compile("<@!?([\\w-]+)(?:\\|([^>]+))?>");

    /** The people met on chat platforms, for "People Candor knows" answers. */
    public List<String> metNames() {
        return met.values().stream().map(ChatUser::name).sorted().toList();
    }

    /** Known to Candor as an assignee: a listed name or a chat key. */
    public boolean knows(PersonRef assignee) {
        return assignee instanceof ChatKey || listed(assignee) != null;
    }

    /** The listed person a name stands for (any case), or null: a chat key is never a listed name. */
    private Person listed(PersonRef ref) {
        return ref instanceof PersonRef.Named n ? byName.get(norm(n.name())) : null;
    }

    /**
     * The same reference with a listed person's name as people: spells it ("Alice", "@alice" and
     * alice's Slack id are alice); a chat key, or a name nobody in people: goes by, as it is.
     */
    public PersonRef canonical(PersonRef ref) {
        return ref instanceof PersonRef.Named n ? find(n.name()).<PersonRef>map(People::ref).orElse(ref) : ref;
    }

    /** Who an assignee is on each surface, in the order Candor prefers to reach them. */
    public List<ChatUser> identities(PersonRef assignee) {
        List<ChatUser> out = new ArrayList<>();
        Person p = listed(assignee);
        if (p != null) {
            Optional<ZoneId> z = zone(assignee);
            if (p.slack() != null && !p.slack().isBlank()) {
                out.add(new ChatUser(SurfaceKind.SLACK, "", p.slack(), p.name(), z));
            }
            if (p.discord() != null && !p.discord().isBlank()) {
                out.add(new ChatUser(SurfaceKind.DISCORD, "", p.discord(), p.name(), z));
            }
            out.add(new ChatUser(SurfaceKind.TERMINAL, "", p.name(), p.name(), z));
            return out;
        }
        if (assignee instanceof ChatKey k) {
            out.add(ChatUser.of(k));
        }
        return out;
    }

    /** A person's own zone: from the config, else as their chat platform last told us. */
    public Optional<ZoneId> zone(PersonRef assignee) {
        Person p = listed(assignee);
        if (p != null && p.zoneId().isPresent()) {
            return p.zoneId();
        }
        return Optional.ofNullable(learnedZones.get(p != null ? ref(p) : assignee));
    }

    /** How an assignee is shown: the person's name, the name their platform gave, or their chat id. */
    public String display(PersonRef assignee) {
        Person p = listed(assignee);
        if (p != null) {
            return p.name();
        }
        if (assignee instanceof ChatKey k) {
            ChatUser u = met.get(k);
            return u != null ? u.name() : k.id();
        }
        return assignee.key();
    }

    private static String norm(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }
}
