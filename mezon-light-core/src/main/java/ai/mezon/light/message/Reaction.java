package ai.mezon.light.message;

import org.jspecify.annotations.Nullable;

import ai.mezon.light.LightSocket;
import ai.mezon.light.SocketListener;

/**
 * An emoji reaction added to or removed from a message ({@code message_reaction_event}): pushed
 * when another user reacts on a joined channel ({@link SocketListener#onReaction}), and returned
 * by {@link LightSocket#react} and {@link LightSocket#unreact} as the server echoed it.
 *
 * @param channelId the channel id
 * @param messageId the message reacted to
 * @param messageSenderId the author of that message, possibly empty
 * @param senderId the user who reacted
 * @param senderName that user's name, possibly empty
 * @param emoji the emoji, e.g. {@code "👍"} or a custom emoji's short name
 * @param emojiId the custom emoji's id, or {@code ""} for none
 * @param reactionId the server's id of the reaction, possibly empty
 * @param removed {@code true} when the reaction was removed (the wire's {@code action})
 * @param count the count as the server reports it (the test server: how many users now react to
 * the message with this emoji)
 * @param channelType DM or group, or {@code null} for a stream mode this client does not speak
 * @param mode the raw stream mode (4 DM, 3 group)
 */
public record Reaction(String channelId, String messageId, String messageSenderId, String senderId, String senderName,
		String emoji, String emojiId, String reactionId, boolean removed, int count, @Nullable ChannelType channelType,
		int mode) {
}
