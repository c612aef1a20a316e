package ai.mezon.light.spring;

import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

import ai.mezon.light.message.ChannelType;
import ai.mezon.light.message.Reaction;

/**
 * Published when a user added or removed an emoji reaction on a joined channel
 * ({@link #isRemoved()} tells which). Delivered on the socket's dispatch threads, in order per
 * channel. Reactions the bot makes through this socket are answered to the caller (the future of
 * {@link MezonTemplate#react}), not published; those its own user made from another session or
 * instance are published only with {@code mezon.events.include-own-messages=true}.
 *
 * <pre>{@code
 * @EventListener(condition = "!#event.removed && #event.emoji == '👍'")
 * void liked(MezonReactionEvent event) { ... }
 * }</pre>
 */
public class MezonReactionEvent extends MezonChannelEvent {

	private final Reaction reaction;

	/**
	 * @param template the template answers go through (the event's source)
	 * @param reaction the reaction as received
	 * @param fromSelf whether the bot's own user reacted
	 */
	public MezonReactionEvent(MezonTemplate template, Reaction reaction, boolean fromSelf) {
		super(template, fromSelf);
		this.reaction = reaction;
	}

	/** @return the reaction as received */
	public Reaction getReaction() {
		return this.reaction;
	}

	/** @return whether the reaction was removed rather than added */
	public boolean isRemoved() {
		return this.reaction.removed();
	}

	/** @return the emoji, e.g. {@code "👍"} or a custom emoji's short name */
	public String getEmoji() {
		return this.reaction.emoji();
	}

	/** @return the channel id (decimal) */
	@Override
	public String getChannelId() {
		return this.reaction.channelId();
	}

	/** @return the id of the message reacted to (decimal) */
	public String getMessageId() {
		return this.reaction.messageId();
	}

	/** @return the id of the user who reacted (decimal) */
	@Override
	public String getSenderId() {
		return this.reaction.senderId();
	}

	/** @return DM or group, or {@code null} for a stream mode this client does not speak */
	@Override
	public @Nullable ChannelType getChannelType() {
		return this.reaction.channelType();
	}

	/**
	 * Reacts with an emoji to the message this reaction is on (e.g. to join in), in the event's
	 * mode.
	 * @param emoji the emoji
	 * @return the reaction as the server echoed it
	 */
	public CompletableFuture<Reaction> react(String emoji) {
		return reactTo(this.reaction.messageId(), this.reaction.messageSenderId(), emoji);
	}

	@Override
	public String toString() {
		return "MezonReactionEvent[channel=" + this.reaction.channelId() + ", message=" + this.reaction.messageId()
				+ ", sender=" + this.reaction.senderId() + ", removed=" + this.reaction.removed() + ", fromSelf="
				+ isFromSelf() + "]";
	}

}
