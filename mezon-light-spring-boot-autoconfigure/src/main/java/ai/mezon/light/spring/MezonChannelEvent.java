package ai.mezon.light.spring;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEvent;

import ai.mezon.light.message.Attachment;
import ai.mezon.light.message.ChannelType;
import ai.mezon.light.message.MessageAck;
import ai.mezon.light.message.MessageContent;
import ai.mezon.light.message.OutgoingMessage;

/**
 * Something that happened on a joined channel: a message received, edited or deleted, a reaction,
 * a typing indicator. Listen to this type to see all of them in one method (e.g. to log or count
 * traffic); listen to a subclass for one kind. Delivered on the socket's dispatch threads, in
 * order per channel.
 *
 * <p>Every such event can be answered where it happened: {@link #reply(String)} sends in its
 * channel and mode (a DM answer to a DM, a group one to a group), {@link #sendTyping()} shows the
 * bot typing there. Answers go through {@link #getTemplate()}, so they are sent, observed and
 * timed out like {@link MezonTemplate}'s sends; the futures complete on the SDK's callback pool,
 * never its I/O thread.
 *
 * <pre>{@code
 * @EventListener
 * void edited(MezonMessageEditedEvent event) {
 *     event.reply("Noticed the edit: " + event.getText());
 * }
 * }</pre>
 */
public abstract class MezonChannelEvent extends ApplicationEvent {

	private final boolean fromSelf;

	/**
	 * @param template the template answers go through (the event's source)
	 * @param fromSelf whether the bot's own user caused it (from another session or instance)
	 */
	protected MezonChannelEvent(MezonTemplate template, boolean fromSelf) {
		super(template);
		this.fromSelf = fromSelf;
	}

	/** @return the channel id (decimal) */
	public abstract String getChannelId();

	/** @return the id of the user who caused the event (decimal), or {@code ""} when unknown */
	public abstract String getSenderId();

	/**
	 * The kind of the channel, which decides how answers are sent.
	 * @return DM or group, or {@code null} for a stream mode this client does not speak (such an
	 * event cannot be answered: the answering methods return a failed future)
	 */
	public abstract @Nullable ChannelType getChannelType();

	/** @return whether it happened on a DM channel (else a group DM, or an unknown mode) */
	public boolean isDirect() {
		return getChannelType() == ChannelType.DM;
	}

	/** @return whether the bot's own user caused it (from another session or instance) */
	public boolean isFromSelf() {
		return this.fromSelf;
	}

	/** @return the template answers go through */
	public MezonTemplate getTemplate() {
		return (MezonTemplate) getSource();
	}

	/**
	 * Answers with text in the event's channel and mode (DM or group).
	 * @param text the text
	 * @return the server's acknowledgement, or a future failed with {@link IllegalStateException}
	 * when the channel's mode is not one this client speaks
	 */
	public CompletableFuture<MessageAck> reply(String text) {
		return reply(OutgoingMessage.text(getChannelId(), text));
	}

	/**
	 * Answers with any content in the event's channel and mode.
	 * @param content the content
	 * @param attachments files already uploaded (e.g. with {@link MezonTemplate#uploadFile})
	 * @return the server's acknowledgement, or a failed future as for {@link #reply(String)}
	 */
	public CompletableFuture<MessageAck> reply(MessageContent content, Attachment... attachments) {
		return reply(OutgoingMessage.of(getChannelId(), content).withAttachments(List.of(attachments)));
	}

	/**
	 * Answers with a prepared message (attachments, mentions, a quote...) in the event's mode; its
	 * channel must be the event's.
	 * @param reply the message
	 * @return the server's acknowledgement, or a future failed with
	 * {@link IllegalArgumentException} when the channel differs or {@link IllegalStateException}
	 * when the channel's mode is not one this client speaks
	 */
	public CompletableFuture<MessageAck> reply(OutgoingMessage reply) {
		if (!getChannelId().equals(reply.channelId())) {
			return CompletableFuture.failedFuture(new IllegalArgumentException(
					"A reply goes to channel " + getChannelId() + ", not " + reply.channelId()));
		}
		ChannelType type = getChannelType();
		if (type == null) {
			return CompletableFuture.failedFuture(unanswerable("answer"));
		}
		return getTemplate().send(reply, type);
	}

	/**
	 * Shows the bot typing in the event's channel, e.g. before a slow answer; rate-limited like
	 * {@link MezonTemplate#sendTyping(String, ChannelType)}.
	 * @return {@code true} once the server accepted an indicator, {@code false} when rate-limited,
	 * or a future failed with {@link IllegalStateException} when the channel's mode is not one this
	 * client speaks
	 */
	public CompletableFuture<Boolean> sendTyping() {
		ChannelType type = getChannelType();
		if (type == null) {
			return CompletableFuture.failedFuture(unanswerable("type in"));
		}
		return getTemplate().sendTyping(getChannelId(), type);
	}

	/**
	 * For subclasses whose event concerns one message: reacts to it in the event's mode.
	 * @param messageId the message reacted to
	 * @param messageSenderId its author, or {@code ""}
	 * @param emoji the emoji
	 * @return the reaction as the server echoed it, or a failed future as for {@link #reply(String)}
	 */
	protected CompletableFuture<ai.mezon.light.message.Reaction> reactTo(String messageId, String messageSenderId,
			String emoji) {
		ChannelType type = getChannelType();
		if (type == null) {
			return CompletableFuture.failedFuture(unanswerable("react in"));
		}
		return getTemplate().react(getChannelId(), messageId, messageSenderId, emoji, type);
	}

	private IllegalStateException unanswerable(String what) {
		return new IllegalStateException("Cannot " + what + " channel " + getChannelId()
				+ ": its stream mode is not one this client speaks (only DM and group DM)");
	}

}
