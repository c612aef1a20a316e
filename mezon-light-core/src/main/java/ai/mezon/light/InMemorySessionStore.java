package ai.mezon.light;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link SessionStore} and {@link DeliveryCursorStore} in this JVM's memory: sessions and
 * cursors survive a refresh and a reconnect but not a restart. The default when nothing else is
 * configured.
 */
public final class InMemorySessionStore implements SessionStore, DeliveryCursorStore {

	private final ConcurrentMap<String, StoredSession> sessions = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, Long> cursors = new ConcurrentHashMap<>();

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
		Long id = this.cursors.get(cursorKey(scope, channelId));
		return (id != null) ? OptionalLong.of(id) : OptionalLong.empty();
	}

	@Override
	public void advance(String scope, long channelId, long messageId) {
		this.cursors.merge(cursorKey(scope, channelId), messageId, Math::max);
	}

	private static String cursorKey(String scope, long channelId) {
		return scope + '\u0000' + channelId;
	}

	@Override
	public String toString() {
		return "InMemorySessionStore[keys=" + this.sessions.size() + "]";
	}

}
