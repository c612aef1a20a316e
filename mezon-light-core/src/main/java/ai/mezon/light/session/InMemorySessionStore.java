package ai.mezon.light.session;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import ai.mezon.light.message.ChannelType;

/**
 * A {@link SessionStore}, {@link DeliveryCursorStore} and {@link JoinedChannelStore} in this JVM's
 * memory: sessions, cursors and joined channels survive a refresh, a reconnect and a leader change
 * inside this JVM but not a restart. The default when nothing else is configured.
 */
public final class InMemorySessionStore implements SessionStore, DeliveryCursorStore, JoinedChannelStore {

	private final ConcurrentMap<String, StoredSession> sessions = new ConcurrentHashMap<>();

	/**
	 * By scope, then channel: advanced once per delivered message, so no key is built per call (a
	 * concatenated {@code scope + channel} string was ~6 % of a starter's delivery cost).
	 */
	private final ConcurrentMap<String, ConcurrentMap<Long, Long>> cursors = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, ConcurrentMap<Long, ChannelType>> channels = new ConcurrentHashMap<>();

	@Override
	public Optional<StoredSession> load(String key) {
		return Optional.ofNullable(this.sessions.get(key));
	}

	@Override
	public StoredSession save(String key, SessionData data, long expectedVersion) {
		StoredSession next = new StoredSession(data, expectedVersion + 1);
		// compute() runs atomically per key, which makes the version check and the write one step.
		long[] found = { SessionStore.NO_VERSION };
		StoredSession result = this.sessions.compute(key, (k, current) -> {
			found[0] = (current != null) ? current.version() : SessionStore.NO_VERSION;
			return (found[0] == expectedVersion) ? next : current;
		});
		if (result != next) {
			throw new SessionStoreConflictException(key, expectedVersion, found[0]);
		}
		return next;
	}

	@Override
	public boolean delete(String key) {
		return this.sessions.remove(key) != null;
	}

	@Override
	public OptionalLong lastDelivered(String scope, long channelId) {
		ConcurrentMap<Long, Long> scoped = this.cursors.get(scope);
		Long id = (scoped != null) ? scoped.get(channelId) : null;
		return (id != null) ? OptionalLong.of(id) : OptionalLong.empty();
	}

	@Override
	public void advance(String scope, long channelId, long messageId) {
		ConcurrentMap<Long, Long> scoped = this.cursors.get(scope);
		if (scoped == null) {
			scoped = this.cursors.computeIfAbsent(scope, (k) -> new ConcurrentHashMap<>());
		}
		scoped.merge(channelId, messageId, Math::max);
	}

	@Override
	public Map<Long, ChannelType> joinedChannels(String scope) {
		Map<Long, ChannelType> joined = this.channels.get(scope);
		return (joined != null) ? Collections.unmodifiableMap(new TreeMap<>(joined)) : Map.of();
	}

	@Override
	public void channelJoined(String scope, long channelId, ChannelType type) {
		if (channelId <= 0) {
			throw new IllegalArgumentException("A channel id is positive, was " + channelId);
		}
		this.channels.computeIfAbsent(scope, (s) -> new ConcurrentHashMap<>()).put(channelId, type);
	}

	@Override
	public void channelLeft(String scope, long channelId) {
		Map<Long, ChannelType> joined = this.channels.get(scope);
		if (joined != null) {
			joined.remove(channelId);
		}
	}

	@Override
	public String toString() {
		return "InMemorySessionStore[keys=" + this.sessions.size() + "]";
	}

}
