package ai.mezon.light.message;

import org.jspecify.annotations.Nullable;

import ai.mezon.light.SocketListener;

/**
 * A message on a joined channel was deleted by its author: a pushed {@code channel_message} with
 * code 2 (what Mezon servers, and the test server, send) or a pushed {@code channel_message_remove}.
 * Delivered to {@link SocketListener#onMessageDeleted}, never to the new-message handlers.
 *
 * @param channelId the channel id
 * @param messageId the deleted message's id
 * @param senderId the author's user id, or {@code ""} when the server did not say (a
 * {@code channel_message_remove} carries no sender)
 * @param channelType DM or group, or {@code null} for a stream mode this client does not speak
 * @param mode the raw stream mode (4 DM, 3 group)
 */
public record MessageDeletion(String channelId, String messageId, String senderId, @Nullable ChannelType channelType,
		int mode) {
}
