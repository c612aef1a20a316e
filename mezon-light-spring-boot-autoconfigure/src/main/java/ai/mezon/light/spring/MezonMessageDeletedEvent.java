package ai.mezon.light.spring;

import org.jspecify.annotations.Nullable;

import ai.mezon.light.message.ChannelType;
import ai.mezon.light.message.MessageDeletion;

/**
 * Published when a message on a joined channel was deleted by its author. Deletions are not
 * also published as {@link MezonMessageReceivedEvent}s. Delivered like those: on the socket's
 * dispatch threads, in order per channel, and not for the bot's own user's deletions (made from
 * another session or instance) unless {@code mezon.events.include-own-messages=true}.
 */
public class MezonMessageDeletedEvent extends MezonChannelEvent {

	private final MessageDeletion deletion;

	/**
	 * @param template the template answers go through (the event's source)
	 * @param deletion the deletion as received
	 * @param fromSelf whether the bot's own user made it
	 */
	public MezonMessageDeletedEvent(MezonTemplate template, MessageDeletion deletion, boolean fromSelf) {
		super(template, fromSelf);
		this.deletion = deletion;
	}

	/** @return the deletion as received */
	public MessageDeletion getDeletion() {
		return this.deletion;
	}

	/** @return the channel id (decimal) */
	@Override
	public String getChannelId() {
		return this.deletion.channelId();
	}

	/** @return the deleted message's id (decimal) */
	public String getMessageId() {
		return this.deletion.messageId();
	}

	/** @return the author's user id, or {@code ""} when the server did not say */
	@Override
	public String getSenderId() {
		return this.deletion.senderId();
	}

	/** @return DM or group, or {@code null} for a stream mode this client does not speak */
	@Override
	public @Nullable ChannelType getChannelType() {
		return this.deletion.channelType();
	}

	@Override
	public String toString() {
		return "MezonMessageDeletedEvent[channel=" + this.deletion.channelId() + ", message="
				+ this.deletion.messageId() + ", sender=" + this.deletion.senderId() + ", fromSelf=" + isFromSelf()
				+ "]";
	}

}
