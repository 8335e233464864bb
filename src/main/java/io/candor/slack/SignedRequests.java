package io.candor.slack;

import io.candor.chat.HandledEvents;
import io.candor.identity.SurfaceKind;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signature, checked before anything reads the body: the timestamp within
 * five minutes of now either way (Bolt only refuses old ones), the HMAC compared in constant
 * time, and each signature accepted once while its timestamp is in the window, so a captured
 * request cannot be replayed to review or act again, on this instance or (through
 * {@link HandledEvents} in the shared database) on any other behind the same load balancer.
 */
final class SignedRequests {
    static final long WINDOW_SECONDS = 5 * 60;
    /** Past this many remembered signatures, expired ones are swept out before adding. */
    private static final int SWEEP_AT = 10_000;

    enum Verdict { OK, UNSIGNED, BAD_SIGNATURE, OUT_OF_WINDOW, REPLAY }

    private final SecretKeySpec key;
    private final Clock clock;
    private final HandledEvents shared;
    /** signature -> epoch second after which its timestamp is out of the window anyway */
    private final Map<String, Long> seen = new ConcurrentHashMap<>();

    SignedRequests(String signingSecret, Clock clock) {
        this(signingSecret, clock, (surface, key) -> true);
    }

    /** @param shared where signatures are claimed across instances (the database) */
    SignedRequests(String signingSecret, Clock clock, HandledEvents shared) {
        this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.clock = clock;
        this.shared = shared;
    }

    Verdict check(String timestamp, String signature, byte[] body) {
        if (timestamp == null || signature == null || !timestamp.matches("\\d{1,12}")
                || !signature.matches("v0=[0-9a-fA-F]{64}")) {
            return Verdict.UNSIGNED;
        }
        long ts = Long.parseLong(timestamp);
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - ts) > WINDOW_SECONDS) {
            return Verdict.OUT_OF_WINDOW;
        }
        byte[] expected = hmac(timestamp, body);
        byte[] given = HexFormat.of().parseHex(signature.substring(3));
        if (!MessageDigest.isEqual(expected, given)) {
            return Verdict.BAD_SIGNATURE;
        }
        if (seen.size() >= SWEEP_AT) {
            sweep(now);
        }
        String sig = signature.toLowerCase(java.util.Locale.ROOT);
        if (seen.putIfAbsent(sig, ts + WINDOW_SECONDS) != null) {
            return Verdict.REPLAY;
        }
        return shared.claim(SurfaceKind.SLACK, "sig:" + sig) ? Verdict.OK : Verdict.REPLAY;
    }

    private void sweep(long now) {
        for (Iterator<Map.Entry<String, Long>> it = seen.entrySet().iterator(); it.hasNext(); ) {
            if (it.next().getValue() < now) {
                it.remove();
            }
        }
    }

    int remembered() {
        return seen.size();
    }

    private byte[] hmac(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
