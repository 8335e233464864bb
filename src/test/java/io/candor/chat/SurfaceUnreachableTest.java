package io.candor.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import org.junit.jupiter.api.Test;

class SurfaceUnreachableTest {
    @Test
    void oneLineSaysWhereAndWhy() {
        ConnectException dns = new ConnectException();
        dns.initCause(new UnknownHostException("discord.com: Name or service not known"));
        assertThat(new SurfaceUnreachable("Discord", "https://discord.com/api/v10/", dns).getMessage())
                .isEqualTo("cannot reach Discord at https://discord.com/api/v10/: unknown host discord.com");
        assertThat(new SurfaceUnreachable("Slack", "http://127.0.0.1:9/api/", new ConnectException("Connection refused"))
                .getMessage()).isEqualTo("cannot reach Slack at http://127.0.0.1:9/api/: connection refused");
        assertThat(SurfaceUnreachable.why(new HttpTimeoutException("request timed out"))).isEqualTo("timed out");
        assertThat(SurfaceUnreachable.isNetwork(new RuntimeException(new IOException("reset")))).isTrue();
        assertThat(SurfaceUnreachable.isNetwork(new IllegalStateException("invalid_auth"))).isFalse();
    }
}
