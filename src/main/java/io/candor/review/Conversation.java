package io.candor.review;

import com.fasterxml.jackson.databind.JsonNode;
import io.candor.config.ConfigException;
import io.candor.config.DataFiles;
import io.candor.config.StrictSettings;
import io.candor.text.Token;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a reply with the message it answers ({@code config/rules/conversation.yaml}): what the
 * message asks for (a place, a price, a recommendation, help), whether it complains, and
 * whether the reply gives service (a help article, a support page, the DM link, a ticket).
 * "What was asked decides": rules silence themselves in the situations their finding would be
 * the answer. Built once; thread-safe.
 */
public final class Conversation {
    static final String FILE = "conversation.yaml";

    record Asks(List<String> place, List<String> price, List<String> recommendation, List<String> help) {
        Asks {
            place = place == null ? List.of() : place;
            price = price == null ? List.of() : price;
            recommendation = recommendation == null ? List.of() : recommendation;
            help = help == null ? List.of() : help;
        }
    }

    record Service(List<String> links, List<String> phrases) {
        Service {
            links = links == null ? List.of() : links;
            phrases = phrases == null ? List.of() : phrases;
        }
    }

    /** Messages that ask (or are, for complaint) and that do not; replies that give service and that do not. */
    public record Examples(List<String> asks, List<String> gives, List<String> not) {
        public Examples {
            asks = asks == null ? List.of() : asks;
            gives = gives == null ? List.of() : gives;
            not = not == null ? List.of() : not;
        }
    }

    record Settings(Asks asks, List<String> complaint, Service service, Map<String, Examples> examples) {
        Settings {
            asks = asks == null ? new Asks(null, null, null, null) : asks;
            complaint = complaint == null ? List.of() : complaint;
            service = service == null ? new Service(null, null) : service;
            examples = examples == null ? Map.of() : examples;
        }
    }

    /** Phrase sets, not one pattern run at every position: a message can be a long post, and a reply check has 15 ms. */
    private final Map<Situation, PhraseSet> messageAsks = new EnumMap<>(Situation.class);
    private final Pattern serviceLinks;
    private final PhraseSet servicePhrases;
    private final Map<String, Examples> examples;

    Conversation(DataFiles files) {
        String where = files.describe(FILE);
        JsonNode root = files.read(FILE).map(t -> files.mapping(FILE, t))
                .orElseThrow(() -> new ConfigException("no " + FILE + " among the rules"));
        Settings s = StrictSettings.decode(root, Settings.class, where);
        RuleSpec spec = RuleSpec.forFile("conversation", where);
        put(Situation.ASKED_PLACE, spec.phrases("asks.place", s.asks().place()));
        put(Situation.ASKED_PRICE, spec.phrases("asks.price", s.asks().price()));
        put(Situation.ASKED_RECOMMENDATION, spec.phrases("asks.recommendation", s.asks().recommendation()));
        put(Situation.SEEKS_HELP, spec.phrases("asks.help", s.asks().help()));
        put(Situation.COMPLAINT, spec.phrases("complaint", s.complaint()));
        this.serviceLinks = spec.rawPattern("service.links", s.service().links());
        this.servicePhrases = spec.phrases("service.phrases", s.service().phrases());
        for (String k : s.examples().keySet()) {
            if (!List.of("place", "price", "recommendation", "help", "complaint", "service").contains(k)) {
                throw new ConfigException(where + ": examples: unknown key '" + k
                        + "' (known: place, price, recommendation, help, complaint, service)");
            }
        }
        this.examples = Map.copyOf(s.examples());
    }

    private void put(Situation s, PhraseSet p) {
        if (p != null) {
            messageAsks.put(s, p);
        }
    }

    /** The examples of conversation.yaml, by what they show, for the test that runs them. */
    public Map<String, Examples> examples() {
        return examples;
    }

    /** What the conversation makes of this reply; {@link Exchange#NONE} for a draft that answers nothing. */
    public Exchange read(AnalyzedDraft reply) {
        if (reply.replyTo().isEmpty()) {
            return Exchange.NONE;
        }
        Set<Situation> out = asked(reply.replyTo().get());
        if (linksToHelp(reply) || (out.contains(Situation.SEEKS_HELP) || out.contains(Situation.COMPLAINT))
                && sendsToHelp(reply)) {
            out.add(Situation.SERVICE);
        }
        return new Exchange(out);
    }

    /** What a message asks for, or is (help sought, a complaint). */
    Set<Situation> asked(AnalyzedDraft message) {
        Set<Situation> out = EnumSet.noneOf(Situation.class);
        messageAsks.forEach((s, p) -> {
            if (p.foundIn(message)) {
                out.add(s);
            }
        });
        return out;
    }

    /** The reply links to a help page: a help article, a support or status page, the DM link. */
    boolean linksToHelp(AnalyzedDraft reply) {
        if (serviceLinks != null) {
            for (Token link : reply.of(Token.Kind.LINK)) {
                if (!isEmail(link.text()) && serviceLinks.matcher(link.text()).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Words that send someone to help ("for help, go to", "open a ticket", "call us") beside a
     * page or a number to use. Words alone ("contact support", "DM us") point nowhere in
     * particular, and an e-mail address is an inbox, not a page that helps.
     */
    boolean sendsToHelp(AnalyzedDraft reply) {
        if (servicePhrases == null || !servicePhrases.foundIn(reply)) {
            return false;
        }
        for (Token link : reply.of(Token.Kind.LINK)) {
            if (!isEmail(link.text())) {
                return true;
            }
        }
        return PHONE.matcher(reply.folded()).find();
    }

    /** The reply gives service in some conversation: for the examples of conversation.yaml. */
    boolean givesService(AnalyzedDraft reply) {
        return linksToHelp(reply) || sendsToHelp(reply);
    }

    private static final Pattern PHONE = Pattern.compile("(?<![\\p{L}\\p{N}])\\+?\\d[\\d ().-]{8,18}\\d(?![\\p{N}])");

    private static boolean isEmail(String link) {
        return link.indexOf('@') > 0 && link.indexOf('/') < 0;
    }
}
