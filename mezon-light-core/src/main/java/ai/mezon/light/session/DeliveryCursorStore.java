package ai.mezon.light.session;

import java.util.OptionalLong;

import ai.mezon.light.Ids;
import ai.mezon.light.LightSocket;
import ai.mezon.light.SocketOptions;
import ai.mezon.light.message.HistoryDirection;

/**
 * Where a {@link LightSocket} with {@link SocketOptions#catchUp() catch-up} keeps, per channel,
 * the id of the last message it delivered, so that after a reconnect, a restart or a fail-over to
 * another instance it asks the server only for what came after ({@code ListChannelMessages},
 * direction {@link HistoryDirection#AFTER}).
 *
 * <p>A separate interface rather than more methods on {@link SessionStore}: a cursor moves on every
 * delivered message, a session a few times a day, and cursors need no compare-and-set: Mezon
 * message ids are snowflakes that grow with time, so {@link #advance} keeps the larger id and
 * concurrent writers can never move a cursor back. Folding them into the versioned session
 * record would make every message a session write racing the refresh. The stores shipped here
 * ({@link InMemorySessionStore}, {@link FileSessionStore}, and the JDBC and Redis stores of the
 * Spring Boot starter) implement both interfaces on the same backend.
 *
 * <p>Ids are the wire's int64 values (positive), not the decimal strings of the API: stores
 * compare them. A scope separates the cursors of several bots sharing a backend; the Spring Boot
 * starter uses the session key. Implementations are thread-safe.
 */
public interface DeliveryCursorStore {

	/**
	 * @param scope whose cursors, e.g. the session key
	 * @param channelId the channel
	 * @return the id of the last message delivered on the channel, or empty when none is recorded
	 */
	OptionalLong lastDelivered(String scope, long channelId);

	/**
	 * Records a delivered message: the channel's cursor becomes {@code messageId} unless it is
	 * already larger (never moves back).
	 * @param scope whose cursors
	 * @param channelId the channel
	 * @param messageId the message just delivered
	 */
	void advance(String scope, long channelId, long messageId);

}
