package ai.mezon.light.internal.socket;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import ai.mezon.light.message.ChannelType;

/**
 * Where the channels a socket is in are remembered beyond the process, and found again after a
 * restart. Every method may block (a store, a REST call) and runs on the socket's pool; a failure
 * is logged and reported, never fatal.
 */
public interface ChannelMemory {

	/** Remembers nothing beyond the socket. */
	ChannelMemory NONE = new ChannelMemory() {
	};

	/**
	 * The channel was joined.
	 * @param channelId the channel
	 * @param type DM or group
	 */
	default void joined(long channelId, ChannelType type) {
	}

	/**
	 * The channel was left.
	 * @param channelId the channel
	 */
	default void left(long channelId) {
	}

	/** @return the channels this user should be in (remembered, and listed by the server) */
	default Restore channelsToRestore() {
		return new Restore(Map.of(), Set.of(), false);
	}

	/**
	 * What to join after connecting.
	 * @param channels the channels by id, with their kind
	 * @param unknown those nothing remembered: only the server's list named them (created, or the bot
	 * added, while it was away)
	 * @param rememberedAny whether any channel was remembered at all (false on a bot's first start,
	 * when every listed channel is old news)
	 */
	record Restore(Map<Long, ChannelType> channels, Set<Long> unknown, boolean rememberedAny) {

		public Restore {
			// In the order given (joined here, stored, listed): that is the order of the joins.
			channels = Collections.unmodifiableMap(new LinkedHashMap<>(channels));
			unknown = Set.copyOf(unknown);
		}

	}

}
