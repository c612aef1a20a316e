/**
 * What a client sends and receives: {@link ai.mezon.light.message.ChannelMessage} and its edits,
 * deletions, reactions and typing indicators; {@link ai.mezon.light.message.OutgoingMessage} with
 * its {@link ai.mezon.light.message.MessageContent}, attachments, mentions and replies; channels
 * ({@link ai.mezon.light.message.MezonChannel}, {@link ai.mezon.light.message.ChannelType}),
 * history and uploads. Immutable values; ids are decimal strings, as in the TypeScript SDK.
 */
@NullMarked
package ai.mezon.light.message;

import org.jspecify.annotations.NullMarked;
