package ai.mezon.light;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link SessionStore} in this JVM's memory: sessions survive a refresh but not a restart. The
 * default when nothing else is configured.
 */
public final class InMemorySessionStore implements SessionStore {

	private final ConcurrentMap<String, StoredSession> sessions = new ConcurrentHashMap<>();

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
	public String toString() {
		return "InMemorySessionStore[keys=" + this.sessions.size() + "]";
	}

}
