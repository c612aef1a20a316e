package ai.mezon.light.session;

/**
 * Told whenever the client's session changes, so it can be persisted: after authentication and
 * after every refresh (the refresh token may have rotated, and the old one is then dead).
 * Called on the thread that changed the session; keep it short.
 */
@FunctionalInterface
public interface SessionListener {

	/**
	 * @param session the new session
	 * @param change why it changed
	 */
	void sessionChanged(Session session, Change change);

	/** Why a session changed. */
	enum Change {

		/** Obtained from the gateway with an id token. */
		AUTHENTICATED,

		/** Replaced by a refresh; the refresh token may have rotated. */
		REFRESHED

	}

}
