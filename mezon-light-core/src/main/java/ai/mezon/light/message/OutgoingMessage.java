package ai.mezon.light.message;

import java.util.List;
import java.util.Objects;

import ai.mezon.light.Ids;
import ai.mezon.light.LightSocket;

/**
 * A message to send with {@link LightSocket#sendDM(OutgoingMessage)} or
 * {@link LightSocket#sendGroup(OutgoingMessage)} (the TypeScript SDK's {@code SendMessagePayload}),
 * or the new version of a message for {@link LightSocket#editMessage(String, OutgoingMessage, ChannelType)}.
 * Immutable; the {@code with...} methods return copies.
 *
 * <pre>{@code
 * OutgoingMessage reply = OutgoingMessage
 *     .of(channelId, MessageText.builder().text("thanks ").mention(received.senderId(), "@" + received.username()).build())
 *     .replyTo(received);
 * }</pre>
 *
 * @param channelId the channel id (decimal)
 * @param content the content
 * @param attachments files attached (already uploaded; public URLs)
 * @param hideLink whether to hide link previews (sent in {@code mention_everyone}, as the reference
 * client does)
 * @param code the DM {@code code} field (0 = a new message)
 * @param mentions users mentioned in the content's text, with UTF-16 offsets (see {@link Mention})
 * @param references messages referred to, e.g. the one replied to (not sent with edits: the wire's
 * update has no such field)
 */
public record OutgoingMessage(String channelId, MessageContent content, List<Attachment> attachments,
		boolean hideLink, int code, List<Mention> mentions, List<MessageReference> references) {

	public OutgoingMessage {
		Ids.parse("channelId", channelId);
		Objects.requireNonNull(content, "content");
		attachments = List.copyOf(attachments);
		mentions = List.copyOf(mentions);
		references = List.copyOf(references);
	}

	/**
	 * A message without mentions or references (the constructor before they existed).
	 * @param channelId the channel id (decimal)
	 * @param content the content
	 * @param attachments files attached
	 * @param hideLink whether to hide link previews
	 * @param code the DM {@code code} field
	 */
	public OutgoingMessage(String channelId, MessageContent content, List<Attachment> attachments, boolean hideLink,
			int code) {
		this(channelId, content, attachments, hideLink, code, List.of(), List.of());
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
	 * A text message with mentions: content {@code {"t": text}} and the text's mentions.
	 * @param channelId the channel id
	 * @param text the text and its mentions
	 * @return the message
	 */
	public static OutgoingMessage of(String channelId, MessageText text) {
		return new OutgoingMessage(channelId, MessageContent.text(text.text()), List.of(), false, 0, text.mentions(),
				List.of());
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
		return new OutgoingMessage(this.channelId, this.content, attachments, this.hideLink, this.code, this.mentions,
				this.references);
	}

	/**
	 * @param hideLink whether to hide link previews
	 * @return a copy with this flag
	 */
	public OutgoingMessage withHideLink(boolean hideLink) {
		return new OutgoingMessage(this.channelId, this.content, this.attachments, hideLink, this.code, this.mentions,
				this.references);
	}

	/**
	 * @param code the DM {@code code} field
	 * @return a copy with this code
	 */
	public OutgoingMessage withCode(int code) {
		return new OutgoingMessage(this.channelId, this.content, this.attachments, this.hideLink, code, this.mentions,
				this.references);
	}

	/**
	 * For content built by other means than {@link MessageText}; the offsets must refer to the
	 * content's {@code t}.
	 * @param mentions the mentions
	 * @return a copy with these mentions
	 */
	public OutgoingMessage withMentions(List<Mention> mentions) {
		return new OutgoingMessage(this.channelId, this.content, this.attachments, this.hideLink, this.code, mentions,
				this.references);
	}

	/**
	 * @param references the references
	 * @return a copy with these references
	 */
	public OutgoingMessage withReferences(List<MessageReference> references) {
		return new OutgoingMessage(this.channelId, this.content, this.attachments, this.hideLink, this.code,
				this.mentions, references);
	}

	/**
	 * Makes this message a reply: its only reference becomes {@link MessageReference#replyTo} the
	 * original (ref type 0, the original's id, sender and content).
	 * @param original the message replied to
	 * @return a copy that replies to it
	 */
	public OutgoingMessage replyTo(ChannelMessage original) {
		return withReferences(List.of(MessageReference.replyTo(original)));
	}

}
