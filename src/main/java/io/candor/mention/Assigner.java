package io.candor.mention;

import io.candor.config.ConfigException;
import io.candor.identity.PersonRef;
import io.candor.mention.model.NewMention;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;

/**
 * Picks an owner for a new mention from the {@code mentions.owners} rules: the first rule
 * whose platform or keyword matches names a group, and the group takes turns. The turn
 * counter starts from how many mentions the group already holds, so a restart carries on
 * the rotation instead of handing the next one to the first person again.
 */
public final class Assigner {
    private record Turn(MentionSettings.OwnerRule rule, List<PersonRef> group, String keyword, AtomicLong next) {
    }

    private final List<Turn> turns = new ArrayList<>();

    /** @param alreadyHeld how many mentions a group holds now (seeds the rotation) */
    public Assigner(List<MentionSettings.OwnerRule> rules, People people, ToLongFunction<List<PersonRef>> alreadyHeld) {
        for (MentionSettings.OwnerRule r : rules) {
            if (r.group().isEmpty()) {
                throw new ConfigException("mentions.owners: a rule for " + describe(r) + " has an empty group");
            }
            if (blank(r.platform()) && blank(r.keyword())) {
                throw new ConfigException("mentions.owners: each rule needs a platform or a keyword (group " + r.group() + ")");
            }
            for (String name : r.group()) {
                if (people.find(name).isEmpty()) {
                    throw new ConfigException("mentions.owners: " + name + " is not in people:");
                }
            }
            List<PersonRef> group = r.group().stream().map(n -> PersonRef.named(people.find(n).orElseThrow().name())).toList();
            String kw = blank(r.keyword()) ? null : r.keyword().toLowerCase(Locale.ROOT);
            turns.add(new Turn(r, group, kw, new AtomicLong(alreadyHeld.applyAsLong(group))));
        }
    }

    /** The owner for a mention nobody named, or empty when no rule matches. */
    public Optional<PersonRef> ownerFor(NewMention m) {
        String text = m.text().toLowerCase(Locale.ROOT);
        for (Turn t : turns) {
            MentionSettings.OwnerRule r = t.rule();
            boolean platformOk = blank(r.platform()) || r.platform().equalsIgnoreCase(m.platform());
            boolean keywordOk = t.keyword() == null || text.contains(t.keyword());
            if (platformOk && keywordOk) {
                List<PersonRef> g = t.group();
                return Optional.of(g.get((int) Math.floorMod(t.next().getAndIncrement(), (long) g.size())));
            }
        }
        return Optional.empty();
    }

    private static String describe(MentionSettings.OwnerRule r) {
        return blank(r.platform()) ? "keyword " + r.keyword() : "platform " + r.platform();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
