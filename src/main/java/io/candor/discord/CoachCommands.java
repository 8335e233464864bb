package io.candor.discord;

import io.candor.prompts.Prompts;
import java.util.List;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * The commands Candor registers: {@code /coach} with one subcommand per action, and the
 * message context menu. Descriptions come from prompts/discord.yaml.
 */
final class CoachCommands {
    static final String COACH = "coach";
    /** Discord's longest string option; a longer draft goes to the drafts channel or the terminal. */
    static final int DRAFT_OPTION_MAX = OptionData.MAX_STRING_OPTION_LENGTH;

    private CoachCommands() {
    }

    static String contextMenuName(Prompts p) {
        return p.render("discord:command.context-menu");
    }

    static List<CommandData> all(Prompts p) {
        OptionData id = new OptionData(OptionType.INTEGER, "id", p.render("discord:option.id"), true).setMinValue(1);
        CommandData coach = Commands.slash(COACH, p.render("discord:command.description"))
                .setContexts(InteractionContextType.GUILD, InteractionContextType.BOT_DM)
                .addSubcommands(
                        new SubcommandData("review", p.render("discord:command.review")).addOptions(
                                new OptionData(OptionType.STRING, "draft", p.render("discord:option.draft"), true)
                                        .setMaxLength(DRAFT_OPTION_MAX),
                                new OptionData(OptionType.STRING, "platforms", p.render("discord:option.platforms"), false),
                                new OptionData(OptionType.STRING, "reply_to", p.render("discord:option.reply-to"), false)
                                        .setMaxLength(DRAFT_OPTION_MAX)),
                        new SubcommandData("help", p.render("discord:command.help")),
                        new SubcommandData("mentions", p.render("discord:command.mentions")),
                        new SubcommandData("done", p.render("discord:command.done")).addOptions(id),
                        new SubcommandData("dismiss", p.render("discord:command.dismiss")).addOptions(id),
                        new SubcommandData("assign", p.render("discord:command.assign")).addOptions(id,
                                new OptionData(OptionType.USER, "person", p.render("discord:option.person"), true)),
                        new SubcommandData("snooze", p.render("discord:command.snooze")).addOptions(id,
                                new OptionData(OptionType.STRING, "duration", p.render("discord:option.duration"), false)),
                        new SubcommandData("unmute", p.render("discord:command.unmute")).addOptions(
                                new OptionData(OptionType.STRING, "rule", p.render("discord:option.rule"), true)),
                        new SubcommandData("stats", p.render("discord:command.stats")).addOptions(
                                new OptionData(OptionType.STRING, "since", p.render("discord:option.since"), false)
                                        .setMaxLength(20),
                                new OptionData(OptionType.STRING, "platform", p.render("discord:option.platform"), false)
                                        .setMaxLength(20)));
        CommandData menu = Commands.message(contextMenuName(p))
                .setContexts(InteractionContextType.GUILD);
        return List.of(coach, menu);
    }
}
