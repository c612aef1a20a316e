package ai.mezon.light.spring;

import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

import ai.mezon.light.message.ChannelType;
import ai.mezon.light.message.MessageEdit;
import ai.mezon.light.message.Reaction;

/**
 * Published when a message on a joined channel was edited by its author. Edits are not also
 * published as {@link MezonMessageReceivedEvent}s. Delivered like those: on the socket's
 * dispatch threads, in order per channel, and not for the bot's own user's edits (made from
 * another session or instance) unless {@code mezon.events.include-own-messages=true}.
 *
 * <pre>{@code
 * @EventListener
 * void edited(MezonMessageEditedEvent event) {
 *     log.info("{} now reads {}", event.getMessageId(), event.getText());
 * }
 * }</pre>
 */
public class MezonMessageEditedEvent extends MezonChannelEvent {

	private final MessageEdit edit;

	/**
	 * @param template the template answers go through (the event's source)
	 * @param edit the edit as received
	 * @param fromSelf whether the bot's own user made it
	 */
	public MezonMessageEditedEvent(MezonTemplate template, MessageEdit edit, boolean fromSelf) {
		super(template, fromSelf);
		this.edit = edit;
	}

	/** @return the edit as received */
	public MessageEdit getEdit() {
		return this.edit;
	}

	/** @return the new text: the content's {@code t} field, else the raw content */
	public String getText() {
		return this.edit.text();
	}

	/** @return the channel id (decimal) */
	@Override
	public String getChannelId() {
		return this.edit.channelId();
	}

	/** @return the edited message's id (decimal) */
	public String getMessageId() {
		return this.edit.messageId();
	}

	/** @return the author's user id, or {@code ""} when the server did not say */
	@Override
	public String getSenderId() {
		return this.edit.senderId();
	}

	/** @return DM or group, or {@code null} for a stream mode this client does not speak */
	@Override
	public @Nullable ChannelType getChannelType() {
		return this.edit.channelType();
	}

	/**
	 * Reacts to the edited message with an emoji, in the event's mode.
	 * @param emoji the emoji, e.g. {@code "👍"}
	 * @return the reaction as the server echoed it
	 */
	public CompletableFuture<Reaction> react(String emoji) {
		return reactTo(this.edit.messageId(), this.edit.senderId(), emoji);
	}

	/** Never shows the content: it may be private. */
	@Override
	public String toString() {
		return "MezonMessageEditedEvent[channel=" + this.edit.channelId() + ", message=" + this.edit.messageId()
				+ ", sender=" + this.edit.senderId() + ", fromSelf=" + isFromSelf() + "]";
	}

}
