package ai.mezon.light.message;

import java.util.Objects;

import ai.mezon.light.Ids;
import ai.mezon.light.internal.content.ContentCodec;

/**
 * A message another message refers to: for a reply ({@code refType} 0), the message replied to
 * ({@code MessageRef} on the wire). Ids are decimal strings.
 *
 * @param messageId the referenced message's id (the wire's {@code message_ref_id})
 * @param senderId the referenced message's sender
 * @param username the sender's user name, possibly empty
 * @param displayName the sender's display name, possibly empty
 * @param avatar the sender's avatar URL, possibly empty
 * @param content the referenced message's content document as a string (e.g. {@code {"t":"hi"}}),
 * possibly empty
 * @param hasAttachment whether the referenced message has attachments
 * @param refType the kind of reference: {@link #REPLY} (0) for a reply
 */
public record MessageReference(String messageId, String senderId, String username, String displayName, String avatar,
		String content, boolean hasAttachment, int refType) {

	/** The {@code ref_type} of a reply. */
	public static final int REPLY = 0;

	public MessageReference {
		Objects.requireNonNull(messageId, "messageId");
		Objects.requireNonNull(senderId, "senderId");
		Objects.requireNonNull(username, "username");
		Objects.requireNonNull(displayName, "displayName");
		Objects.requireNonNull(avatar, "avatar");
		Objects.requireNonNull(content, "content");
	}

	/**
	 * A reply reference to a received message, carrying what clients show above a reply: the
	 * original's sender and content.
	 * @param original the message replied to
	 * @return the reference
	 */
	public static MessageReference replyTo(ChannelMessage original) {
		return new MessageReference(original.messageId(), original.senderId(), original.username(),
				original.displayName(), original.avatar(), original.rawContent(), !original.attachments().isEmpty(),
				REPLY);
	}

	/** @return whether this reference is a reply */
	public boolean isReply() {
		return this.refType == REPLY;
	}

	/** @return the referenced message's text: the content's {@code t}, else the raw content */
	public String text() {
		return ContentCodec.text(ContentCodec.parse(this.content), this.content);
	}

}
