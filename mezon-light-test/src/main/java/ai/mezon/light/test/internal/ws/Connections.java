package ai.mezon.light.test.internal.ws;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.websocket.Session;
import org.jspecify.annotations.Nullable;

import ai.mezon.light.codec.EnvelopeFrames;
import ai.mezon.light.proto.realtime.Envelope;

/**
 * Who is connected and who joined which channel, and pushing to them. The maps are concurrent:
 * connections open and close on Tomcat's threads while requests of other connections fan out. A
 * push is encoded once (it has no {@code cid}, so both {@code cid} encodings are the same bytes)
 * and queued on each receiving connection.
 */
final class Connections {

	private final AtomicLong connectionIds = new AtomicLong();

	private final AtomicInteger handshakes = new AtomicInteger();

	private final Map<Long, ClientConnection> all = new ConcurrentHashMap<>();

	private final Map<Long, Set<ClientConnection>> byUser = new ConcurrentHashMap<>();

	private final Map<Long, Set<ClientConnection>> byChannel = new ConcurrentHashMap<>();

	ClientConnection open(Session session, long userId, String username) {
		ClientConnection connection = new ClientConnection(this.connectionIds.incrementAndGet(), userId, username,
				session);
		this.all.put(connection.id, connection);
		this.byUser.computeIfAbsent(userId, (key) -> ConcurrentHashMap.newKeySet()).add(connection);
		this.handshakes.incrementAndGet();
		return connection;
	}

	void closed(ClientConnection connection) {
		this.all.remove(connection.id);
		Set<ClientConnection> own = this.byUser.get(connection.userId);
		if (own != null) {
			own.remove(connection);
		}
		for (Long channelId : connection.joined) {
			leave(connection, channelId);
		}
	}

	void join(ClientConnection connection, long channelId) {
		this.byChannel.computeIfAbsent(channelId, (key) -> ConcurrentHashMap.newKeySet()).add(connection);
		connection.joined.add(channelId);
	}

	void leave(ClientConnection connection, long channelId) {
		Set<ClientConnection> subscribers = this.byChannel.get(channelId);
		if (subscribers != null) {
			subscribers.remove(connection);
		}
		connection.joined.remove(channelId);
	}

	/** Pushes an envelope to every connection that joined a channel except {@code exclude}. */
	void pushToChannel(long channelId, Envelope push, @Nullable ClientConnection exclude) {
		Set<ClientConnection> subscribers = this.byChannel.get(channelId);
		if (subscribers != null && !subscribers.isEmpty()) {
			byte[] bytes = EnvelopeFrames.encodePush(push);
			for (ClientConnection subscriber : subscribers) {
				if (subscriber != exclude) {
					subscriber.enqueue(bytes);
				}
			}
		}
	}

	/** Queues the same frame on every connection of a user. */
	void pushToUser(long userId, byte[] frame) {
		for (ClientConnection connection : of(userId)) {
			connection.enqueue(frame);
		}
	}

	/** Closes every connection (of one user when {@code userId} is not null). */
	void drop(@Nullable Long userId) {
		for (ClientConnection connection : (userId != null) ? of(userId) : List.copyOf(this.all.values())) {
			connection.drop();
		}
	}

	int openCount(long userId) {
		return (int) of(userId).stream().filter(ClientConnection::isOpen).count();
	}

	int handshakeCount() {
		return this.handshakes.get();
	}

	List<ClientConnection> of(long userId) {
		Set<ClientConnection> own = this.byUser.get(userId);
		return (own != null) ? List.copyOf(own) : List.of();
	}

}
