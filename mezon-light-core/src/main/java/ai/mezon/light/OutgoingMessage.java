package ai.mezon.light;

import java.util.List;
import java.util.Objects;

/**
 * A message to send with {@link LightSocket#sendDM(OutgoingMessage)} or
 * {@link LightSocket#sendGroup(OutgoingMessage)}: the TypeScript SDK's {@code SendMessagePayload}.
 * Immutable; the {@code with...} methods return copies.
 *
 * @param channelId the channel id (decimal)
 * @param content the content
 * @param attachments files attached (already uploaded; public URLs)
 * @param hideLink whether to hide link previews (sent in {@code mention_everyone}, as the reference
 * client does)
 * @param code the DM {@code code} field (0 = a new message)
 */
public record OutgoingMessage(String channelId, MessageContent content, List<Attachment> attachments,
		boolean hideLink, int code) {

	public OutgoingMessage {
		Ids.parse("channelId", channelId);
		Objects.requireNonNull(content, "content");
		attachments = List.copyOf(attachments);
	}

	/**
	 * A plain-text message.
	 * @param channelId the channel id
	 * @param text the text
	 * @return the message
	 */
	public static OutgoingMessage text(String channelId, String text) {
		return new OutgoingMessage(channelId, MessageContent.text(text), List.of(), false, 0);
	}

	/**
	 * A message with any content.
	 * @param channelId the channel id
	 * @param content the content
	 * @return the message
	 */
	public static OutgoingMessage of(String channelId, MessageContent content) {
		return new OutgoingMessage(channelId, content, List.of(), false, 0);
	}

	/**
	 * @param attachments the attachments
	 * @return a copy with these attachments
	 */
	public OutgoingMessage withAttachments(List<Attachment> attachments) {
		return new OutgoingMessage(this.channelId, this.content, attachments, this.hideLink, this.code);
	}

	/**
	 * @param hideLink whether to hide link previews
	 * @return a copy with this flag
	 */
	public OutgoingMessage withHideLink(boolean hideLink) {
		return new OutgoingMessage(this.channelId, this.content, this.attachments, hideLink, this.code);
	}

	/**
	 * @param code the DM {@code code} field
	 * @return a copy with this code
	 */
	public OutgoingMessage withCode(int code) {
		return new OutgoingMessage(this.channelId, this.content, this.attachments, this.hideLink, code);
	}

}
