package ai.mezon.light.message;

import org.jspecify.annotations.Nullable;

import ai.mezon.light.SocketListener;

/**
 * Another user is typing on a joined channel ({@code message_typing_event}). Delivered to
 * {@link SocketListener#onTyping}; clients usually show it for a few seconds.
 *
 * @param channelId the channel id
 * @param senderId the user typing
 * @param username that user's name, possibly empty
 * @param displayName that user's display name, possibly empty
 * @param channelType DM or group, or {@code null} for a stream mode this client does not speak
 * @param mode the raw stream mode (4 DM, 3 group)
 */
public record TypingIndicator(String channelId, String senderId, String username, String displayName,
		@Nullable ChannelType channelType, int mode) {
}
