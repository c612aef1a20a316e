package ai.mezon.light.spring;

import org.jspecify.annotations.Nullable;

import ai.mezon.light.message.ChannelType;
import ai.mezon.light.message.TypingIndicator;

/**
 * Published when a user is typing on a joined channel; clients usually show it for a few
 * seconds. Delivered on the socket's dispatch threads, in order per channel; the bot's own user
 * typing in another session or instance is published only with
 * {@code mezon.events.include-own-messages=true}.
 */
public class MezonTypingEvent extends MezonChannelEvent {

	private final TypingIndicator typing;

	/**
	 * @param template the template answers go through (the event's source)
	 * @param typing the indicator as received
	 * @param fromSelf whether the bot's own user is typing
	 */
	public MezonTypingEvent(MezonTemplate template, TypingIndicator typing, boolean fromSelf) {
		super(template, fromSelf);
		this.typing = typing;
	}

	/** @return the indicator as received */
	public TypingIndicator getTyping() {
		return this.typing;
	}

	/** @return the channel id (decimal) */
	@Override
	public String getChannelId() {
		return this.typing.channelId();
	}

	/** @return the id of the user typing (decimal) */
	@Override
	public String getSenderId() {
		return this.typing.senderId();
	}

	/** @return DM or group, or {@code null} for a stream mode this client does not speak */
	@Override
	public @Nullable ChannelType getChannelType() {
		return this.typing.channelType();
	}

	@Override
	public String toString() {
		return "MezonTypingEvent[channel=" + this.typing.channelId() + ", sender=" + this.typing.senderId()
				+ ", fromSelf=" + isFromSelf() + "]";
	}

}
