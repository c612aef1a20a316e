package ai.mezon.light.codec;

import ai.mezon.light.internal.socket.FrameMapper;
import ai.mezon.light.message.Reaction;
import ai.mezon.light.message.TypingIndicator;
import ai.mezon.light.proto.api.MessageReaction;
import ai.mezon.light.proto.realtime.MessageTypingEvent;

/**
 * What a client makes of pushed events: the {@link Reaction} and {@link TypingIndicator} the SDK's
 * socket delivers for a {@code message_reaction_event} and a {@code message_typing_event}, field for
 * field. For test servers, which return what they pushed in the SDK's terms.
 *
 * <p>Stateless and thread-safe.
 */
public final class PushedEvents {

	private PushedEvents() {
	}

	/**
	 * @param proto a pushed reaction
	 * @return the reaction as a socket listener receives it
	 */
	public static Reaction reaction(MessageReaction proto) {
		return FrameMapper.reaction(proto);
	}

	/**
	 * @param proto a pushed typing indicator
	 * @return the indicator as a socket listener receives it
	 */
	public static TypingIndicator typing(MessageTypingEvent proto) {
		return FrameMapper.typing(proto);
	}

}
