package ai.mezon.light.spring;

import org.springframework.context.ApplicationEvent;

import ai.mezon.light.LightSocket;
import ai.mezon.light.message.ChannelAddedEvent;

/**
 * Published when the bot's user was added to a channel, e.g. a user opened a DM with it. With
 * {@code mezon.socket.auto-join-added-channels} (the default) the channel is joined first, so its
 * messages arrive as {@link MezonMessageReceivedEvent}s; {@code getChannelAdded().joined()} tells.
 */
public class MezonChannelAddedEvent extends ApplicationEvent {

	private final ChannelAddedEvent channelAdded;

	/**
	 * @param socket the socket that was told
	 * @param channelAdded what the server said
	 */
	public MezonChannelAddedEvent(LightSocket socket, ChannelAddedEvent channelAdded) {
		super(socket);
		this.channelAdded = channelAdded;
	}

	/** @return the socket */
	public LightSocket getSocket() {
		return (LightSocket) getSource();
	}

	/** @return what the server said */
	public ChannelAddedEvent getChannelAdded() {
		return this.channelAdded;
	}

	/** @return the channel id (decimal) */
	public String getChannelId() {
		return this.channelAdded.channelId();
	}

	@Override
	public String toString() {
		return "MezonChannelAddedEvent[channel=" + this.channelAdded.channelId() + ", joined="
				+ this.channelAdded.joined() + "]";
	}

}
