package ai.mezon.light.internal.socket;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews a session the server no longer accepts: refresh it and, when that fails, sign in again at
 * the gateway at once with the client's id token (the gateway is the source of truth: it answers
 * the hosts to use, too). Blocking REST calls: on the socket's pool only.
 */
final class SessionRenewal {

	private static final Logger logger = LoggerFactory.getLogger(SessionRenewal.class);

	private SessionRenewal() {
	}

	/**
	 * @param session the client's session
	 * @throws RuntimeException the refresh's failure when signing in was not possible, or the sign-in's
	 * (with the refresh's as a suppressed exception)
	 */
	static void renew(SessionAccess session) {
		try {
			logger.debug("Refreshing the session before reconnecting");
			session.refresh();
		}
		catch (RuntimeException refreshFailed) {
			logger.info("Refreshing the session failed ({}); signing in again at the gateway",
					SocketErrors.describe(refreshFailed));
			boolean signedIn;
			try {
				signedIn = session.reauthenticate();
			}
			catch (RuntimeException signInFailed) {
				signInFailed.addSuppressed(refreshFailed);
				throw signInFailed;
			}
			if (!signedIn) {
				throw refreshFailed;
			}
			logger.info("Signed in again at the gateway");
		}
	}

}
