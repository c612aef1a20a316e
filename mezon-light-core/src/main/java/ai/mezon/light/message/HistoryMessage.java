package ai.mezon.light.message;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import ai.mezon.light.LightClient;

/**
 * A message from a channel's history ({@link LightClient#listChannelMessages}). Deliberately
 * minimal: the content is the raw JSON document of the wire (e.g. {@code {"t":"Hello"}}), and
 * attachments, mentions and references are not decoded here.
 *
 * @param messageId the message id
 * @param channelId the channel id
 * @param senderId the sender's user id
 * @param username the sender's user name, possibly empty
 * @param content the raw content document, possibly empty
 * @param code 0 new, 1 edited, 2 deleted
 * @param createTime when the message was created, or {@code null} when unknown
 * @param updateTime when the message was last edited, or {@code null} when never or unknown
 */
public record HistoryMessage(String messageId, String channelId, String senderId, String username, String content,
		int code, @Nullable Instant createTime, @Nullable Instant updateTime) {

}
