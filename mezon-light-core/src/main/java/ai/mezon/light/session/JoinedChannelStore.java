package ai.mezon.light.session;

import java.util.Map;

import ai.mezon.light.Ids;
import ai.mezon.light.message.ChannelType;

/**
 * Where a bot remembers the channels it has joined, so that after a restart, a reconnect or a
 * fail-over to another instance it joins them again: the server does not (PROTOCOL.md §4, "After a
 * restart, a client knows no channel of its own"). Kept beside the {@link DeliveryCursorStore
 * delivery cursors}, so a rejoined channel catches up from where its cursor stands.
 *
 * <p>A separate interface rather than more methods on {@link DeliveryCursorStore}, so a custom
 * cursor store keeps compiling and says explicitly whether it also remembers channels. The stores
 * shipped here ({@link InMemorySessionStore}, {@link FileSessionStore}, and the JDBC and Redis
 * stores of the Spring Boot starter) implement all three interfaces on the same backend.
 *
 * <p>Ids are the wire's int64 values (positive). A scope separates the channels of several bots
 * sharing a backend; the Spring Boot starter uses the session key, as for cursors. An entry the
 * backend cannot read (a corrupt file, a value that is not a channel type) is logged as a WARN
 * naming the store and scope and treated as absent: it never stops a bot from starting.
 * Implementations are thread-safe; every method may block on I/O.
 */
public interface JoinedChannelStore {

	/**
	 * @param scope whose channels, e.g. the session key
	 * @return every channel recorded as joined, by id, in ascending id order; empty when none
	 */
	Map<Long, ChannelType> joinedChannels(String scope);

	/**
	 * Records a joined channel (again: the type of a known id is replaced).
	 * @param scope whose channels
	 * @param channelId the channel, positive
	 * @param type its kind
	 */
	void channelJoined(String scope, long channelId, ChannelType type);

	/**
	 * Forgets a channel the bot left (or was removed from); nothing happens when it is unknown.
	 * @param scope whose channels
	 * @param channelId the channel
	 */
	void channelLeft(String scope, long channelId);

}
