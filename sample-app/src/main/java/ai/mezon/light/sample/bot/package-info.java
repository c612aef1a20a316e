/**
 * The bot: its commands ({@link ai.mezon.light.sample.bot.BotCommands}, plain Java, unit tested)
 * and the {@code @EventListener}s that apply them to Mezon messages.
 */
@NullMarked
package ai.mezon.light.sample.bot;

import org.jspecify.annotations.NullMarked;
