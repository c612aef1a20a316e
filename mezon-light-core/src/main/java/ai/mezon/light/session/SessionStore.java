package ai.mezon.light.session;

import java.util.Optional;

import ai.mezon.light.LightClient;

/**
 * Where a {@link LightClient}'s session is kept between runs, and shared between instances of
 * one bot, so a restart resumes the session instead of authenticating again, and a rotated
 * refresh token is never lost.
 *
 * <p>Every stored session carries a version, starting at 1 and incremented by each save.
 * {@link #save(String, SessionData, long)} is a compare-and-set on that version: a writer that
 * read version {@code n} saves with {@code expectedVersion = n} and is refused with
 * {@link SessionStoreConflictException} when someone else saved in between, so a stale session
 * (whose refresh token may already have rotated) never overwrites a newer one.
 *
 * <p>Keys are opaque strings chosen by the caller, e.g. the user id. Implementations are
 * thread-safe and never log the tokens they hold.
 *
 * @see InMemorySessionStore
 * @see FileSessionStore
 */
public interface SessionStore {

	/** The version to pass to {@link #save} when no session is stored under the key yet. */
	long NO_VERSION = 0;

	/**
	 * Loads the session stored under a key.
	 * @param key the key
	 * @return the stored session and its version, or empty when there is none
	 */
	Optional<StoredSession> load(String key);

	/**
	 * Stores a session if the stored version is still the one the caller last saw.
	 * @param key the key
	 * @param data the session to store
	 * @param expectedVersion the version the caller last loaded or saved, or {@link #NO_VERSION}
	 * when it expects no session to be stored yet
	 * @return the stored session with its new version ({@code expectedVersion + 1})
	 * @throws SessionStoreConflictException when the stored version is not
	 * {@code expectedVersion}: another writer saved (or deleted) in between
	 */
	StoredSession save(String key, SessionData data, long expectedVersion);

	/**
	 * Deletes the session stored under a key, whatever its version.
	 * @param key the key
	 * @return whether a session was stored
	 */
	boolean delete(String key);

}
