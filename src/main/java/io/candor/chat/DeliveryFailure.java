package io.candor.chat;

/**
 * A failure to deliver a message that can say why in a few safe words (the platform's error
 * code, "timeout"), never quoting the message. Chat adapters' exceptions implement it so
 * the core can report a failed reminder without knowing the platform.
 */
public interface DeliveryFailure {
    String reason();
}
