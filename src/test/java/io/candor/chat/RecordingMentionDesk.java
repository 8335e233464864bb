package io.candor.chat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A MentionDesk that writes down every call, so adapter tests (Slack, Discord) can assert
 * what they passed on to the mentions core; the real one lives in mention/.
 */
public final class RecordingMentionDesk implements MentionDesk {
    public record Call(String what, ChatUser user, List<String> args) {
    }

    public final List<Call> calls = new CopyOnWriteArrayList<>();
    /** Thread replies to this parent message are "known mentions" and get a review back; null: any parent. */
    public volatile String knownParent = "1700000000.000001";
    /** The reaction that marks a mention answered, as the surface under test spells it. */
    public volatile String doneEmoji = "white_check_mark";

    private Reply note(String what, ChatUser user, String... args) {
        calls.add(new Call(what, user, List.of(args)));
        return Reply.text("desk:" + what + " " + String.join(" ", args));
    }

    /** Everyone the surface introduced (kept apart from the commands in {@link #calls}). */
    public final List<ChatUser> met = new CopyOnWriteArrayList<>();

    @Override
    public void met(ChatUser user) {
        met.add(user);
    }

    public List<Call> calls(String what) {
        return calls.stream().filter(c -> c.what().equals(what)).toList();
    }

    @Override
    public Reply mine(ChatUser user) {
        calls.add(new Call("mine", user, List.of()));
        return new Reply.Mentions("Mentions waiting for you", List.of(
                new Reply.MentionLine("12", "X", "@shopper", "Does the app work offline?",
                        "https://x.example/status/1", "3 business hours", false),
                new Reply.MentionLine("13", "Bluesky", "@fan", "Love the <new> release & docs", "", "2 days", true)),
                "`/coach done ID` when answered");
    }

    @Override
    public Reply done(ChatUser user, String id) {
        return note("done", user, id);
    }

    @Override
    public Reply dismiss(ChatUser user, String id) {
        return note("dismiss", user, id);
    }

    @Override
    public Reply assign(ChatUser user, String id, String person) {
        return note("assign", user, id, person);
    }

    @Override
    public Reply snooze(ChatUser user, String id, String duration) {
        return note("snooze", user, id, duration);
    }

    @Override
    public void posted(ChatUser poster, String channel, String messageId, String text, String permalink) {
        calls.add(new Call("posted", poster, List.of(channel, messageId, text, permalink)));
    }

    @Override
    public Optional<Reply> threadReply(ChatUser writer, String channel, String parentMessageId, String text) {
        calls.add(new Call("threadReply", writer, List.of(channel, parentMessageId, text)));
        return knownParent == null || parentMessageId.equals(knownParent) ? Optional.of(Reply.text("desk:reviewed reply")) : Optional.empty();
    }

    @Override
    public Optional<Reply> reacted(ChatUser user, String channel, String messageId, String emoji) {
        calls.add(new Call("reacted", user, List.of(channel, messageId, emoji)));
        return emoji.equals(doneEmoji) ? Optional.of(Reply.text("desk:answered " + messageId)) : Optional.empty();
    }
}
