package io.candor.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * Discord as far as Candor can see it, on loopback: a gateway (HELLO, IDENTIFY, READY,
 * GUILD_CREATE, heartbeats, RESUME, dispatches) and the REST calls the bot makes, each
 * recorded so a test can assert what a real Discord would have received.
 */
final class DiscordStandIn implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String TOKEN = "stand-in-token.not.real";
    static final long EPOCH = 1420070400000L;
    static final String BOT = "1100000000000000001";
    static final String GUILD = "1200000000000000001";
    static final String OTHER_GUILD = "1200000000000000999";
    static final String GENERAL = "1300000000000000001";
    static final String DRAFTS = "1300000000000000002";
    static final String MENTIONS = "1300000000000000003";
    static final String DM = "1300000000000000009";
    static final String WRITER = "1400000000000000001";
    static final String STRANGER = "1400000000000000666";

    record Request(String method, String path, JsonNode body) {
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    final List<JsonNode> identifies = new CopyOnWriteArrayList<>();
    final List<JsonNode> resumes = new CopyOnWriteArrayList<>();
    private final Set<String> members = Set.of(BOT, WRITER);
    private final HttpServer http;
    private final Gateway gateway;
    private final AtomicLong ids = new AtomicLong();
    private final AtomicInteger seq = new AtomicInteger();
    /** Every open gateway session: like Discord, each receives every event (several Candor instances, one bot). */
    private final List<WebSocket> sessions = new CopyOnWriteArrayList<>();
    /** A close code to answer IDENTIFY with (4014: intents not switched on in the portal); 0 accepts. */
    volatile int refuseIdentify;

    DiscordStandIn() throws Exception {
        gateway = new Gateway();
        gateway.setReuseAddr(true);
        gateway.start();
        if (!gateway.started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("stand-in gateway did not start");
        }
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/api/v10/", this::rest);
        http.start();
    }

    String apiUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/api/v10/";
    }

    String gatewayUrl() {
        return "ws://127.0.0.1:" + gateway.getPort();
    }

    /** A snowflake of now: JDA treats interactions older than 15 minutes as expired. */
    String snowflake() {
        return Long.toString(((System.currentTimeMillis() - EPOCH) << 22) + ids.incrementAndGet());
    }

    // ---- gateway ------------------------------------------------------------------------

    private final class Gateway extends WebSocketServer {
        final CountDownLatch started = new CountDownLatch(1);

        Gateway() {
            super(new InetSocketAddress("127.0.0.1", 0));
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            sessions.add(conn);
            conn.send("{\"op\":10,\"d\":{\"heartbeat_interval\":41250}}");
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            JsonNode m = read(message);
            switch (m.path("op").asInt()) {
                case 1 -> conn.send("{\"op\":11}");
                case 2 -> {
                    identifies.add(m.path("d"));
                    if (refuseIdentify != 0) {
                        conn.close(refuseIdentify, "Disallowed intent(s).");
                        return;
                    }
                    dispatchTo(conn, "READY", ready());
                    dispatchTo(conn, "GUILD_CREATE", guild());
                }
                case 6 -> {
                    resumes.add(m.path("d"));
                    dispatchTo(conn, "RESUMED", JSON.createObjectNode());
                }
                default -> { }
            }
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            sessions.remove(conn);
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
        }

        @Override
        public void onStart() {
            started.countDown();
        }
    }

    /** An event to every session, as Discord sends a bot's events to each of its connections. */
    void dispatch(String type, JsonNode data) {
        for (WebSocket conn : sessions) {
            dispatchTo(conn, type, data);
        }
    }

    private void dispatchTo(WebSocket conn, String type, JsonNode data) {
        ObjectNode frame = JSON.createObjectNode().put("op", 0).put("t", type).put("s", seq.incrementAndGet());
        frame.set("d", data);
        conn.send(frame.toString());
    }

    /** How many gateway sessions are open. */
    int sessions() {
        return sessions.size();
    }

    /** Cuts the gateway connections without a close frame, like a network drop. */
    void drop() {
        for (WebSocket conn : sessions) {
            conn.closeConnection(1006, "stand-in dropped the connection");
        }
    }

    private JsonNode ready() {
        return read("""
                {"v":10,"user":%s,"guilds":[{"id":"%s","unavailable":true}],"session_id":"stand-in-session",
                 "resume_gateway_url":"%s","application":{"id":"%s","flags":0},"private_channels":[],
                 "relationships":[],"presences":[],"guild_join_requests":[],"geo_ordered_rtc_regions":[],
                 "user_settings":{},"shard":[0,1]}
                """.formatted(user(BOT, "Candor", true), GUILD, gatewayUrl(), BOT));
    }

    private JsonNode guild() {
        return read("""
                {"id":"%1$s","name":"Team","owner_id":"%2$s","unavailable":false,"member_count":2,"large":false,
                 "roles":[{"id":"%1$s","name":"@everyone","permissions":"8","position":0,"color":0,"hoist":false,
                           "managed":false,"mentionable":false,"flags":0,
                           "colors":{"primary_color":0,"secondary_color":null,"tertiary_color":null}}],
                 "channels":[%3$s,%4$s,%5$s],"threads":[],
                 "members":[{"user":%6$s,"roles":[],"joined_at":"2024-01-01T00:00:00+00:00","deaf":false,"mute":false,"flags":0}],
                 "emojis":[],"stickers":[],"voice_states":[],"features":[],"presences":[],"stage_instances":[],
                 "guild_scheduled_events":[],"soundboard_sounds":[],"joined_at":"2024-01-01T00:00:00+00:00",
                 "afk_timeout":300,"verification_level":0,"default_message_notifications":0,"explicit_content_filter":0,
                 "mfa_level":0,"premium_tier":0,"nsfw_level":0,"preferred_locale":"en-US","system_channel_flags":0,
                 "premium_progress_bar_enabled":false}
                """.formatted(GUILD, BOT, channel(GENERAL, "general"), channel(DRAFTS, "drafts"),
                channel(MENTIONS, "mentions"), user(BOT, "Candor", true)));
    }

    static String channel(String id, String name) {
        return """
                {"id":"%s","type":0,"name":"%s","guild_id":"%s","position":0,"permission_overwrites":[],"flags":0,
                 "nsfw":false,"rate_limit_per_user":0,"topic":null,"last_message_id":null,"parent_id":null}
                """.formatted(id, name, GUILD);
    }

    static String user(String id, String name, boolean bot) {
        return """
                {"id":"%s","username":"%s","global_name":"%s","discriminator":"0","avatar":null,"bot":%s,"public_flags":0}
                """.formatted(id, name, name, bot);
    }

    static String member(String userId, String name) {
        return """
                {"user":%s,"roles":[],"joined_at":"2024-01-01T00:00:00+00:00","deaf":false,"mute":false,"flags":0,
                 "permissions":"2248473465835073"}
                """.formatted(user(userId, name, false));
    }

    static String message(String id, String channel, String authorJson, String content, boolean inGuild) {
        return """
                {"id":"%s","channel_id":"%s",%s"author":%s,"content":%s,"timestamp":"%s","edited_timestamp":null,
                 "tts":false,"mention_everyone":false,"mentions":[],"mention_roles":[],"attachments":[],"embeds":[],
                 "pinned":false,"type":0,"flags":0,"components":[]}
                """.formatted(id, channel, inGuild ? "\"guild_id\":\"" + GUILD + "\"," : "", authorJson,
                quote(content), OffsetDateTime.now());
    }

    static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- what a test sends in ---------------------------------------------------------

    /** An interaction in the guild's general channel by {@code userId}, or in a DM when guild is null. */
    String interaction(int type, String guild, String userId, String data, String extra) {
        String where = guild == null
                ? """
                  "channel_id":"%s","channel":{"id":"%s","type":1,"recipients":[%s],"flags":0},"user":%s,"context":1,
                  "authorizing_integration_owners":{"0":"%s"},
                  """.formatted(DM, DM, user(userId, "writer", false), user(userId, "writer", false), GUILD)
                : """
                  "guild_id":"%s","guild":{"id":"%s","locale":"en-US","features":[]},
                  "channel_id":"%s","channel":%s,"member":%s,"context":0,"guild_locale":"en-US",
                  "authorizing_integration_owners":{"0":"%s"},
                  """.formatted(guild, guild, GENERAL, channel(GENERAL, "general").replace(GUILD, guild)
                          .replace("\"flags\":0", "\"flags\":0,\"permissions\":\"2248473465835073\""), member(userId, "writer"), guild);
        String token = "interaction-token-" + ids.incrementAndGet();
        dispatch("INTERACTION_CREATE", read("""
                {"id":"%s","application_id":"%s","type":%d,"token":"%s","version":1,%s
                 "app_permissions":"8","locale":"en-US","entitlements":[],"attachment_size_limit":10485760,
                 %s"data":%s}
                """.formatted(snowflake(), BOT, type, token, where, extra, data)));
        return token;
    }

    /** {@code /coach SUB option=value...}; values are put in as strings unless they look like ids for "id". */
    String slash(String guild, String userId, String sub, String... options) {
        ArrayNode opts = JSON.createArrayNode();
        for (int i = 0; i + 1 < options.length; i += 2) {
            ObjectNode o = opts.addObject().put("name", options[i]);
            if (options[i].equals("id")) {
                o.put("type", 4).put("value", Long.parseLong(options[i + 1]));
            } else if (options[i].equals("person")) {
                o.put("type", 6).put("value", options[i + 1]);
            } else {
                o.put("type", 3).put("value", options[i + 1]);
            }
        }
        ObjectNode data = JSON.createObjectNode().put("id", "1500000000000000001").put("name", "coach").put("type", 1);
        ObjectNode subNode = data.putArray("options").addObject().put("name", sub).put("type", 1);
        subNode.set("options", opts);
        for (int i = 0; i + 1 < options.length; i += 2) {
            if (options[i].equals("person")) {
                ((ObjectNode) data.with("resolved").with("users")).set(options[i + 1], read(user(options[i + 1], "colleague", false)));
            }
        }
        return interaction(2, guild, userId, data.toString(), "");
    }

    String contextMenu(String userId, String targetText) {
        String target = snowflake();
        String data = """
                {"id":"1500000000000000002","name":"Review with Candor","type":3,"target_id":"%s",
                 "resolved":{"messages":{"%s":%s}}}
                """.formatted(target, target, message(target, GENERAL, user("1400000000000000077", "someone", false), targetText, true));
        return interaction(2, GUILD, userId, data, "");
    }

    String button(String guild, String userId, String customId) {
        String msg = message(snowflake(), GENERAL, user(BOT, "Candor", true), "", true);
        return interaction(3, guild, userId, """
                {"custom_id":"%s","component_type":2}
                """.formatted(customId), "\"message\":" + msg + ",");
    }

    /** A message posted in a channel of the guild by a person. */
    String post(String channel, String userId, String text) {
        String id = snowflake();
        ObjectNode m = (ObjectNode) read(message(id, channel, user(userId, "writer", false), text, true));
        m.set("member", read("""
                {"roles":[],"joined_at":"2024-01-01T00:00:00+00:00","deaf":false,"mute":false,"flags":0}
                """));
        dispatch("MESSAGE_CREATE", m);
        return id;
    }

    /** A mention posted by a listening tool's bot as an embed with no content. */
    String postEmbedByBot(String channel, String botId, String author, String text) {
        String id = snowflake();
        ObjectNode m = (ObjectNode) read(message(id, channel, user(botId, "listener", true), "", true));
        m.set("embeds", read("""
                [{"type":"rich","author":{"name":%s},"description":%s}]
                """.formatted(quote(author), quote(text))));
        dispatch("MESSAGE_CREATE", m);
        return id;
    }

    /** A thread started on message {@code messageId} of {@code parent}; the thread takes the message's id. */
    void threadCreated(String parent, String messageId) {
        dispatch("THREAD_CREATE", read("""
                {"id":"%s","type":11,"guild_id":"%s","parent_id":"%s","owner_id":"%s","name":"re","newly_created":true,
                 "thread_metadata":{"archived":false,"auto_archive_duration":1440,"locked":false,
                   "archive_timestamp":"2024-01-01T00:00:00+00:00"},
                 "member_count":1,"message_count":0,"total_message_sent":0,"flags":0,"rate_limit_per_user":0,"last_message_id":null}
                """.formatted(messageId, GUILD, parent, WRITER)));
    }

    void react(String channel, String messageId, String userId, String emoji) {
        dispatch("MESSAGE_REACTION_ADD", read("""
                {"user_id":"%s","channel_id":"%s","message_id":"%s","guild_id":"%s","member":%s,
                 "emoji":{"id":null,"name":%s},"burst":false,"type":0}
                """.formatted(userId, channel, messageId, GUILD, member(userId, "writer"), quote(emoji))));
    }

    // ---- REST ---------------------------------------------------------------------------

    private void rest(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getPath().substring("/api/v10/".length());
        byte[] raw = ex.getRequestBody().readAllBytes();
        JsonNode body = raw.length == 0 ? JSON.createObjectNode() : parseBody(ex, raw);
        requests.add(new Request(method, path, body));
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        boolean interactionCall = path.startsWith("interactions/") || path.startsWith("webhooks/");
        if (!interactionCall && !("Bot " + TOKEN).equals(auth)) {
            send(ex, 401, "{\"message\":\"401: Unauthorized\",\"code\":0}");
            return;
        }
        String[] p = path.split("/");
        if (method.equals("GET") && path.equals("users/@me")) {
            send(ex, 200, user(BOT, "Candor", true));
        } else if (method.equals("GET") && path.equals("gateway/bot")) {
            send(ex, 200, """
                    {"url":"%s","shards":1,"session_start_limit":{"total":1000,"remaining":999,"reset_after":0,"max_concurrency":1}}
                    """.formatted(gatewayUrl()));
        } else if (method.equals("PUT") && path.startsWith("applications/")) {
            send(ex, 200, "[]");
        } else if (method.equals("POST") && path.startsWith("interactions/")) {
            ex.sendResponseHeaders(204, -1);
            ex.close();
        } else if (method.equals("PATCH") && path.startsWith("webhooks/")) {
            send(ex, 200, message(snowflake(), GENERAL, user(BOT, "Candor", true), body.path("content").asText(""), true));
        } else if (method.equals("POST") && p.length == 5 && p[0].equals("channels") && p[4].equals("threads")) {
            send(ex, 201, """
                    {"id":"%s","type":11,"guild_id":"%s","parent_id":"%s","owner_id":"%s","name":%s,
                     "thread_metadata":{"archived":false,"auto_archive_duration":1440,"locked":false,
                       "archive_timestamp":"2024-01-01T00:00:00+00:00"},
                     "member_count":1,"message_count":0,"total_message_sent":0,"flags":0,"rate_limit_per_user":0}
                    """.formatted(p[3], GUILD, p[1], BOT, quote(body.path("name").asText())));
        } else if (method.equals("POST") && p.length == 3 && p[0].equals("channels") && p[2].equals("messages")) {
            send(ex, 200, message(snowflake(), p[1], user(BOT, "Candor", true), body.path("content").asText(""), !p[1].equals(DM)));
        } else if (method.equals("POST") && path.equals("users/@me/channels")) {
            String to = body.path("recipient_id").asText();
            send(ex, 200, """
                    {"id":"%s","type":1,"last_message_id":null,"recipients":[%s]}
                    """.formatted(DM, user(to, "writer", false)));
        } else if (method.equals("GET") && p.length == 4 && p[0].equals("guilds") && p[2].equals("members")) {
            if (p[1].equals(GUILD) && members.contains(p[3])) {
                send(ex, 200, member(p[3], "writer"));
            } else {
                send(ex, 404, "{\"message\":\"Unknown Member\",\"code\":10007}");
            }
        } else {
            send(ex, 404, "{\"message\":\"404: Not Found\",\"code\":0}");
        }
    }

    private static JsonNode parseBody(HttpExchange ex, byte[] raw) {
        String type = String.valueOf(ex.getRequestHeaders().getFirst("Content-Type"));
        String text = new String(raw, StandardCharsets.UTF_8);
        if (type.startsWith("multipart/")) {
            // JDA sends {"payload_json": ...} as one part when a message could carry files
            int start = text.indexOf('{');
            int end = text.lastIndexOf('}');
            return start < 0 ? JSON.createObjectNode() : read(text.substring(start, end + 1));
        }
        return read(text);
    }

    private static void send(HttpExchange ex, int status, String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Request> requests(Predicate<Request> p) {
        return requests.stream().filter(p).toList();
    }

    @Override
    public void close() throws Exception {
        http.stop(0);
        gateway.stop(1000);
    }
}
