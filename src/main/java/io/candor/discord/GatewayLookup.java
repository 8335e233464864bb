package io.candor.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;

/**
 * When DISCORD_API_URL points at a proxy or a stand-in, the gateway must come from there
 * too: JDA's default session controller always dials Discord's own gateway. This one asks
 * the configured REST base ({@code GET gateway/bot}) on every fresh connect.
 */
final class GatewayLookup extends SessionControllerAdapter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String apiBase;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    GatewayLookup(String apiBase, String token) {
        this.apiBase = apiBase;
        this.token = token;
    }

    @Override
    public String getGateway() {
        HttpRequest req = HttpRequest.newBuilder(URI.create(apiBase + "gateway/bot"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bot " + token)
                .GET().build();
        try {
            HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() == 401) {
                throw new IllegalStateException(apiBase + " refused DISCORD_TOKEN: copy the bot token again"
                        + " from the Developer Portal (Bot page)");
            }
            JsonNode url = res.statusCode() == 200 ? JSON.readTree(res.body()).path("url") : null;
            if (url == null || !url.isTextual() || url.asText().isBlank()) {
                throw new IllegalStateException("GET " + apiBase + "gateway/bot answered " + res.statusCode()
                        + " without a gateway url");
            }
            return url.asText();
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach " + apiBase + "gateway/bot: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking for the Discord gateway", e);
        }
    }
}
