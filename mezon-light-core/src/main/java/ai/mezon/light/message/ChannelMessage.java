package ai.mezon.light.message;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import ai.mezon.light.Ids;
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
 * @param code the wire's message code: 0 for a new message (a pushed {@code channel_message} with
 * code 1, edited, or 2, deleted, is delivered as a {@link MessageEdit} or {@link MessageDeletion}
 * instead, never as a {@code ChannelMessage}); other codes of real servers pass through
 * @param rawContent the content string as it came off the wire
 * @param content the content parsed as JSON (PROTOCOL.md §4: empty, {@code []} or non-JSON content
 * becomes {@code {"t": raw}})
 * @param attachments the attachments, decoded from JSON or protobuf
 * @param createTime when the message was created (second precision)
 * @param updateTime when it was last updated (second precision)
 * @param mentions the users mentioned in the text, decoded from JSON or protobuf (offsets in
 * UTF-16 units, see {@link Mention})
 * @param references the messages referred to, e.g. the one replied to, decoded from JSON or
 * protobuf
 */
public record ChannelMessage(String channelId, String messageId, String senderId, String username,
		String displayName, String avatar, @Nullable ChannelType channelType, int mode, int code, String rawContent,
		JsonNode content, List<Attachment> attachments, Instant createTime, Instant updateTime, List<Mention> mentions,
		List<MessageReference> references) {

	public ChannelMessage {
		attachments = List.copyOf(attachments);
		mentions = List.copyOf(mentions);
		references = List.copyOf(references);
	}

	/**
	 * A message without mentions or references (the constructor before they existed).
	 * @param channelId the channel id
	 * @param messageId the message id
	 * @param senderId the sender's user id
	 * @param username the sender's user name
	 * @param displayName the sender's display name
	 * @param avatar the sender's avatar URL
	 * @param channelType DM, group or {@code null}
	 * @param mode the raw stream mode
	 * @param code 0 new, 1 edited, 2 deleted
	 * @param rawContent the content string
	 * @param content the parsed content
	 * @param attachments the attachments
	 * @param createTime the creation time
	 * @param updateTime the last update time
	 */
	public ChannelMessage(String channelId, String messageId, String senderId, String username, String displayName,
			String avatar, @Nullable ChannelType channelType, int mode, int code, String rawContent, JsonNode content,
			List<Attachment> attachments, Instant createTime, Instant updateTime) {
		this(channelId, messageId, senderId, username, displayName, avatar, channelType, mode, code, rawContent, content,
				attachments, createTime, updateTime, List.of(), List.of());
	}

	/** @return the message this one replies to (its first reference of type 0), or {@code null} */
	public @Nullable MessageReference repliedTo() {
		return this.references.stream().filter(MessageReference::isReply).findFirst().orElse(null);
	}

	/**
	 * @param userId a user id (decimal)
	 * @return whether the text mentions that user
	 */
	public boolean mentionsUser(String userId) {
		return this.mentions.stream().anyMatch((mention) -> mention.userId().equals(userId));
	}

	/** @return the text: the content's {@code t} field when it is a string, else the raw content */
	public String text() {
		return ContentCodec.text(this.content, this.rawContent);
	}

}
