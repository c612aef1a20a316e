package ai.mezon.light;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import ai.mezon.light.internal.content.ContentCodec;

/**
 * A message pushed by the server on a joined channel ({@code channel_message}). Ids are decimal
 * strings, as in the TypeScript SDK.
 *
 * @param channelId the channel id
 * @param messageId the message id
 * @param senderId the sender's user id
 * @param username the sender's user name
 * @param displayName the sender's display name, possibly empty
 * @param avatar the sender's avatar URL, possibly empty
 * @param channelType DM or group, or {@code null} for a stream mode this client does not speak
 * @param mode the raw stream mode (4 DM, 3 group)
 * @param code 0 new, 1 edited, 2 deleted
 * @param rawContent the content string as it came off the wire
 * @param content the content parsed as JSON (PROTOCOL.md §4: empty, {@code []} or non-JSON content
 * becomes {@code {"t": raw}})
 * @param attachments the attachments, decoded from JSON or protobuf
 * @param createTime when the message was created (second precision)
 * @param updateTime when it was last updated (second precision)
 */
public record ChannelMessage(String channelId, String messageId, String senderId, String username,
		String displayName, String avatar, @Nullable ChannelType channelType, int mode, int code, String rawContent,
		JsonNode content, List<Attachment> attachments, Instant createTime, Instant updateTime) {

	public ChannelMessage {
		attachments = List.copyOf(attachments);
	}

	/** @return the text: the content's {@code t} field when it is a string, else the raw content */
	public String text() {
		return ContentCodec.text(this.content, this.rawContent);
	}

}
