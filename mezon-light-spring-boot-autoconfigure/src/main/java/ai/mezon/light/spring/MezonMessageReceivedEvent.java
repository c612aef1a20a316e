package ai.mezon.light.spring;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

import ai.mezon.light.message.Attachment;
import ai.mezon.light.message.ChannelMessage;
import ai.mezon.light.message.ChannelType;
import ai.mezon.light.message.MessageAck;
import ai.mezon.light.message.MessageContent;
import ai.mezon.light.message.OutgoingMessage;
import ai.mezon.light.message.Reaction;

/**
 * Published for every new message pushed on a joined channel; edits and deletions are published as
 * {@link MezonMessageEditedEvent} and {@link MezonMessageDeletedEvent}. Handle it with an
 * {@code @EventListener}; its getters make SpEL conditions short:
 *
 * <pre>{@code
 * @EventListener(condition = "#event.text == 'ping'")
 * void ping(MezonMessageReceivedEvent event) {
 *     event.reply("pong");
 * }
 * }</pre>
 *
 * <p>Listeners run on the socket's dispatch threads, never its I/O thread: one message at a time
 * per channel, in the order the server sent them; channels run concurrently. A listener that
 * throws is logged and the next message is still delivered. Messages the bot's own user sent
 * are not published unless {@code mezon.events.include-own-messages=true} ({@link #isFromSelf()}).
 */
public class MezonMessageReceivedEvent extends MezonChannelEvent {

	private final ChannelMessage message;

	private final MezonTemplate template;

	/**
	 * @param template the template replies go through (also the event's source)
	 * @param message the message
	 * @param fromSelf whether the bot's own user sent it
	 */
	public MezonMessageReceivedEvent(MezonTemplate template, ChannelMessage message, boolean fromSelf) {
		super(template, fromSelf);
		this.template = template;
		this.message = message;
	}

	/** @return the message as received */
	public ChannelMessage getMessage() {
		return this.message;
	}

	/** @return the text: the content's {@code t} field, else the raw content */
	public String getText() {
		return this.message.text();
	}

	/** @return the channel id (decimal) */
	@Override
	public String getChannelId() {
		return this.message.channelId();
	}

	/** @return the sender's user id (decimal) */
	@Override
	public String getSenderId() {
		return this.message.senderId();
	}

	/** @return DM or group, or {@code null} for a stream mode this client does not speak */
	@Override
	public @Nullable ChannelType getChannelType() {
		return this.message.channelType();
	}

	/**
	 * Whether the message mentions the bot's user, e.g. {@code @bot} in a group; handy in a
	 * condition: {@code @EventListener(condition = "#event.mentioningMe")}.
	 * @return whether one of its mentions is of the bot's user
	 */
	public boolean isMentioningMe() {
		return this.message.mentionsUser(this.template.getClient().userId());
	}

	/**
	 * Answers with text in the same channel and mode (DM or group).
	 * @param text the text
	 * @return the server's acknowledgement
	 */
	@Override
	public CompletableFuture<MessageAck> reply(String text) {
		return this.template.send(this.message, text);
	}

	/**
	 * Answers with any content in the same channel and mode.
	 * @param content the content
	 * @param attachments files already uploaded (e.g. with {@link MezonTemplate#uploadFile})
	 * @return the server's acknowledgement
	 */
	@Override
	public CompletableFuture<MessageAck> reply(MessageContent content, Attachment... attachments) {
		return this.template.send(this.message, content, List.of(attachments));
	}

	/**
	 * Answers with a prepared message in the same mode; its channel must be this message's.
	 * @param reply the message
	 * @return the server's acknowledgement, or a failed future if the channel differs
	 */
	@Override
	public CompletableFuture<MessageAck> reply(OutgoingMessage reply) {
		return this.template.send(this.message, reply);
	}

	/**
	 * Answers with text quoting this message: clients show the reply with the original above it
	 * (a reference of type reply to this message, its sender and text).
	 * @param text the text
	 * @return the server's acknowledgement
	 * @see OutgoingMessage#replyTo(ChannelMessage)
	 */
	public CompletableFuture<MessageAck> replyQuoting(String text) {
		return reply(OutgoingMessage.text(this.message.channelId(), text).replyTo(this.message));
	}

	/**
	 * Reacts to this message with an emoji.
	 * @param emoji the emoji, e.g. {@code "👍"}
	 * @return the reaction as the server echoed it
	 * @see MezonTemplate#react(ChannelMessage, String)
	 */
	public CompletableFuture<Reaction> react(String emoji) {
		return this.template.react(this.message, emoji);
	}

	/** Never shows the content: it may be private. */
	@Override
	public String toString() {
		return "MezonMessageReceivedEvent[channel=" + this.message.channelId() + ", message="
				+ this.message.messageId() + ", sender=" + this.message.senderId() + ", fromSelf=" + isFromSelf()
				+ "]";
	}

}
