package ai.mezon.light.session;

import java.util.function.Supplier;

import ai.mezon.light.LightClient;

/**
 * Coordinates {@link LightClient#refreshSession()} between several instances of one bot sharing a
 * session (see {@link LightClient#setRefreshCoordinator(RefreshCoordinator)}). Refresh tokens are
 * single-use: when two instances refresh with the same one, the second is refused. A coordinator
 * typically takes a lock shared by the instances, reads the shared store, and either returns the
 * newer session another instance stored (which the client then adopts) or runs {@code refresh}
 * while holding the lock, so the rotated session is stored before anyone else looks.
 */
@FunctionalInterface
public interface RefreshCoordinator {

	/**
	 * @param current the session the client holds
	 * @param refresh performs the refresh call; the client installs the new session and tells its
	 * listeners (who store it) before it returns
	 * @return the session to use: what {@code refresh} returned, or a newer session of the same user
	 * obtained elsewhere, which the client then installs without calling the server
	 */
	Session coordinate(Session current, Supplier<Session> refresh);

}
