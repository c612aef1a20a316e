package ai.mezon.light.session;

import ai.mezon.light.MezonException;

/**
 * A compare-and-set {@link SessionStore#save save} was refused: the stored version is not the one
 * the writer expected, because another writer saved (or deleted) the session in between. Load the
 * session again and decide which one to keep.
 */
public class SessionStoreConflictException extends MezonException {

	private final String key;

	private final long expectedVersion;

	private final long actualVersion;

	/**
	 * @param key the key
	 * @param expectedVersion the version the writer expected
	 * @param actualVersion the version found, {@link SessionStore#NO_VERSION} when none is stored,
	 * or -1 when the store cannot tell
	 */
	public SessionStoreConflictException(String key, long expectedVersion, long actualVersion) {
		super("Session under key '" + key + "' was changed by another writer: expected version " + expectedVersion
				+ ", found " + ((actualVersion < 0) ? "another" : String.valueOf(actualVersion)));
		this.key = key;
		this.expectedVersion = expectedVersion;
		this.actualVersion = actualVersion;
	}

	/** @return the key */
	public String getKey() {
		return this.key;
	}

	/** @return the version the writer expected */
	public long getExpectedVersion() {
		return this.expectedVersion;
	}

	/** @return the version found, {@link SessionStore#NO_VERSION} when none, -1 when unknown */
	public long getActualVersion() {
		return this.actualVersion;
	}

}
