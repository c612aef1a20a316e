package ai.mezon.light.message;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The server's acknowledgement of a sent message ({@code channel_message_ack}).
 *
 * @param channelId the channel id (decimal)
 * @param messageId the id the server gave the message (decimal)
 * @param code the message code (0 new, 1 edited, 2 deleted)
 * @param username the sender's user name as the server knows it
 * @param createTime when the server created the message (second precision)
 * @param updateTime when it was last updated (second precision)
 * @param persistent whether the server stored it, or {@code null} when not said
 */
public record MessageAck(String channelId, String messageId, int code, String username, Instant createTime,
		Instant updateTime, @Nullable Boolean persistent) {
}
