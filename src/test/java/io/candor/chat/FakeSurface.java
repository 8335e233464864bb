package io.candor.chat;

import io.candor.identity.SurfaceKind;
import java.util.Optional;

/** A chat surface whose port is a {@link FakeChat}: an instance's reminders land there. */
public final class FakeSurface implements Surface {
    private final SurfaceKind kind;
    public final FakeChat chat = new FakeChat();
    private volatile String problem = "starting";

    public FakeSurface(SurfaceKind kind) {
        this.kind = kind;
    }

    @Override
    public SurfaceKind kind() {
        return kind;
    }

    @Override
    public ChatPort port() {
        return chat;
    }

    @Override
    public void start() {
        problem = null;
    }

    /** Readiness: what a test says is wrong with the connection (null: connected). */
    public void problem(String why) {
        problem = why;
    }

    @Override
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    @Override
    public void close() {
        problem = "stopped";
    }
}
