package io.candor.slack;

import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.MultiStaticSelectElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import io.candor.platform.Platform;
import io.candor.prompts.Prompts;
import io.candor.review.Draft;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code /coach} modal: the draft, where it is going and what it replies to. The channel
 * the command came from rides along in private_metadata, so the review can be shown there,
 * privately, after the modal closes.
 */
final class CoachModal {
    /** Slack's own limit for a plain-text input. */
    static final int MAX_INPUT = 3000;
    private final Prompts prompts;

    CoachModal(Prompts prompts) {
        this.prompts = prompts;
    }

    /** What the writer submitted. */
    record Submission(String channel, String draft, List<Platform> platforms, String replyTo) {
        Draft toDraft() {
            return Draft.of(draft).withPlatforms(platforms).withReplyTo(replyTo);
        }
    }

    View view(String channel) {
        List<OptionObject> options = new ArrayList<>();
        for (Platform p : Platform.values()) {
            options.add(OptionObject.builder().text(plain(p.displayName())).value(p.id()).build());
        }
        List<LayoutBlock> blocks = List.of(
                InputBlock.builder().blockId(ActionIds.DRAFT).label(plain(say("draft-label")))
                        .hint(plain(say("draft-hint")))
                        .element(PlainTextInputElement.builder().actionId(ActionIds.DRAFT).multiline(true)
                                .maxLength(MAX_INPUT).focusOnLoad(true)
                                .placeholder(plain(say("draft-placeholder"))).build()).build(),
                InputBlock.builder().blockId(ActionIds.PLATFORMS).optional(true).label(plain(say("platforms-label")))
                        .element(MultiStaticSelectElement.builder().actionId(ActionIds.PLATFORMS).options(options)
                                .placeholder(plain(say("platforms-placeholder"))).build()).build(),
                InputBlock.builder().blockId(ActionIds.REPLY_TO).optional(true).label(plain(say("reply-to-label")))
                        .element(PlainTextInputElement.builder().actionId(ActionIds.REPLY_TO).multiline(true)
                                .maxLength(MAX_INPUT)
                                .placeholder(plain(say("reply-to-placeholder"))).build()).build());
        return View.builder().type("modal").callbackId(ActionIds.MODAL)
                .title(ViewTitle.builder().type("plain_text").text(SlackBlocks.clip(say("title"), 24)).build())
                .submit(ViewSubmit.builder().type("plain_text").text(SlackBlocks.clip(say("submit"), 24)).build())
                .close(ViewClose.builder().type("plain_text").text(SlackBlocks.clip(say("close"), 24)).build())
                .privateMetadata(channel == null ? "" : channel)
                .blocks(blocks).build();
    }

    Submission read(View view) {
        Map<String, Map<String, ViewState.Value>> values =
                view.getState() == null || view.getState().getValues() == null ? Map.of() : view.getState().getValues();
        String draft = value(values, ActionIds.DRAFT).map(ViewState.Value::getValue).orElse("");
        String replyTo = value(values, ActionIds.REPLY_TO).map(ViewState.Value::getValue).orElse(null);
        List<Platform> platforms = new ArrayList<>();
        value(values, ActionIds.PLATFORMS).map(ViewState.Value::getSelectedOptions).orElse(List.of())
                .forEach(o -> Platform.find(o.getValue()).ifPresent(platforms::add));
        String channel = view.getPrivateMetadata() == null ? "" : view.getPrivateMetadata();
        return new Submission(channel, draft == null ? "" : draft, platforms, replyTo);
    }

    private static Optional<ViewState.Value> value(Map<String, Map<String, ViewState.Value>> values, String id) {
        Map<String, ViewState.Value> block = values.get(id);
        return block == null ? Optional.empty() : Optional.ofNullable(block.get(id));
    }

    private String say(String key) {
        return prompts.render("slack:modal." + key);
    }

    private static PlainTextObject plain(String s) {
        return PlainTextObject.builder().text(SlackBlocks.clip(s, 150)).emoji(true).build();
    }
}
