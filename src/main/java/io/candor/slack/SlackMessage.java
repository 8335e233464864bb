package io.candor.slack;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/** A message ready for Slack: Block Kit blocks and the plain fallback text for notifications. */
public record SlackMessage(String text, List<LayoutBlock> blocks) {
    public SlackMessage {
        blocks = List.copyOf(blocks);
    }
}
