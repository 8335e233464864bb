package io.candor.chat;

import java.util.Optional;

/** A chat surface whose port is a {@link FakeChat}: an instance's reminders land there. */
public final class FakeSurface implements Surface {
    private final String name;
    public final FakeChat chat = new FakeChat();
    private volatile String problem = "starting";

    public FakeSurface(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
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
