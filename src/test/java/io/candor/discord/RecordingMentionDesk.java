package io.candor.discord;

import io.candor.chat.ChatUser;
import io.candor.chat.MentionDesk;
import io.candor.chat.Reply;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Writes down what the Discord adapter asked of the mentions core; the real one lives in mention/. */
final class RecordingMentionDesk implements MentionDesk {
    record Call(String what, ChatUser user, List<String> args) {
    }

    final List<Call> calls = new CopyOnWriteArrayList<>();

    private Reply note(String what, ChatUser user, String... args) {
        calls.add(new Call(what, user, List.of(args)));
        return Reply.text(what + " " + String.join(" ", args));
    }

    @Override
    public Reply mine(ChatUser user) {
        calls.add(new Call("mine", user, List.of()));
        return new Reply.Mentions("Waiting for you", List.of(
                new Reply.MentionLine("12", "x", "@ana", "Does the app work offline?", "https://x.example/1", "3h", false)),
                "Reply in the thread or press Done.");
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
        return Optional.of(Reply.text("Your reply to mention " + parentMessageId + " looks fine."));
    }

    @Override
    public Optional<Reply> reacted(ChatUser user, String channel, String messageId, String emoji) {
        calls.add(new Call("reacted", user, List.of(channel, messageId, emoji)));
        return Optional.empty();
    }

    List<Call> of(String what) {
        return calls.stream().filter(c -> c.what().equals(what)).toList();
    }
}
