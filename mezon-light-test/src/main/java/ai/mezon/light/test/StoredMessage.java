package ai.mezon.light.test;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import ai.mezon.light.Ids;
import ai.mezon.light.codec.MessageContents;
import ai.mezon.light.codec.MessageParts;
import ai.mezon.light.message.Attachment;
import ai.mezon.light.message.Mention;
import ai.mezon.light.message.MessageReference;
import ai.mezon.light.proto.api.ChannelMessage;

/**
 * A message as the test server holds it in a channel's history, in the SDK's terms: ids are
 * decimal strings (as {@code ai.mezon.light.message.ChannelMessage} shows them), the content is read as
 * its text, and attachments, mentions and references are the SDK's own records.
 *
 * <pre>{@code
 * StoredMessage reply = server.messages(dm).getLast();
 * assertThat(reply.senderId()).isEqualTo(bot.idString());
 * assertThat(reply.text()).isEqualTo("pong");
 * assertThat(reply.repliedTo()).extracting(MessageReference::messageId).isEqualTo(ping.messageId());
 * }</pre>
 *
 * @param channelId the channel
 * @param messageId the message id
 * @param senderId the author's user id
 * @param username the author's user name
 * @param rawContent the content string as stored, e.g. {@code {"t":"hi"}} (empty once deleted);
 * {@link #text()} reads the text out of it
 * @param attachments the attachments, in order
 * @param mentions the mentions, offsets in UTF-16 units of {@link #text()} (see {@link Mention})
 * @param references the messages referred to, e.g. the one replied to
 * @param code 0 as sent, 1 once edited, 2 once deleted (the wire's {@code code})
 * @param hideEdited whether the last edit asked clients not to show "edited"
 * @param createTime when it was sent (second precision, the server's clock)
 * @param updateTime when it was last changed (second precision)
 */
public record StoredMessage(String channelId, String messageId, String senderId, String username, String rawContent, List<Attachment> attachments, List<Mention> mentions, List<MessageReference> references,
		int code, boolean hideEdited, Instant createTime, Instant updateTime) {

	public StoredMessage {
		Objects.requireNonNull(messageId, "messageId");
		attachments = List.copyOf(attachments);
		mentions = List.copyOf(mentions);
		references = List.copyOf(references);
	}

	/**
	 * The text, read from the content when asked (so injecting messages in a load test costs no
	 * JSON parsing): the content's {@code t} field when it is a string, else the raw content, as
	 * {@code ai.mezon.light.message.ChannelMessage.text()} answers; empty once deleted.
	 * @return the text
	 */
	public String text() {
		return MessageContents.text(this.rawContent);
	}

	/** @return whether the message was edited and not deleted since ({@link #code()} 1) */
	public boolean edited() {
		return this.code == 1;
	}

	/** @return whether the message was deleted ({@link #code()} 2): its content and lists are cleared */
	public boolean deleted() {
		return this.code == 2;
	}

	/** @return the message this one replies to (its first reference of type 0), or {@code null} */
	public @Nullable MessageReference repliedTo() {
		return this.references.stream().filter(MessageReference::isReply).findFirst().orElse(null);
	}

	/**
	 * @param user a user
	 * @return whether the message mentions that user
	 */
	public boolean mentions(TestUser user) {
		return this.mentions.stream().anyMatch((mention) -> mention.userId().equals(user.idString()));
	}

	/**
	 * @param user a user
	 * @return whether that user sent the message
	 */
	public boolean sentBy(TestUser user) {
		return this.senderId.equals(user.idString());
	}

	/** The server keeps the wire form; tests get this view of it. */
	static StoredMessage of(ChannelMessage proto) {
		String raw = proto.getContent();
		return new StoredMessage(Ids.format(proto.getChannelId()), Ids.format(proto.getMessageId()),
				Ids.format(proto.getSenderId()), proto.getUsername(), raw,
				MessageParts.attachments(proto.getAttachments()), MessageParts.mentions(proto.getMentions()),
				MessageParts.references(proto.getReferences()), proto.getCode(), proto.getHideEditted(),
				seconds(proto.getCreateTimeSeconds()), seconds(proto.getUpdateTimeSeconds()));
	}

	private static Instant seconds(int unsignedSeconds) {
		return Instant.ofEpochSecond(Integer.toUnsignedLong(unsignedSeconds));
	}

}
