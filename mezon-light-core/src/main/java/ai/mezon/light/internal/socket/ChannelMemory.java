package ai.mezon.light.internal.socket;

import java.util.Map;

import ai.mezon.light.ChannelType;

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

	/** @return the channels this user should be in, by id (remembered, and listed by the server) */
	default Map<Long, ChannelType> channelsToRestore() {
		return Map.of();
	}

}
