package io.candor.cli;

/** A mistake in what the user gave us; printed as one line, never as a stack trace. */
public final class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }
}
