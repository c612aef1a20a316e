package ai.mezon.light.autoconfigure.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.mezon.light.MezonException;
import ai.mezon.light.MezonSessionException;
import ai.mezon.light.session.RefreshCoordinator;
import ai.mezon.light.session.Session;
import ai.mezon.light.session.SessionStore;
import ai.mezon.light.session.StoredSession;

/**
 * Refreshes a session shared by several instances one instance at a time, and never with a
 * refresh token another instance has already spent.
 *
 * <p>Under a lock shared by the instances (a Spring Integration {@code LockRegistry} lock, or a
 * JVM-local one without a registry) it reads the store: when another instance stored a newer
 * session than ours (other tokens, expiring no earlier), that session is adopted instead of
 * refreshing. Otherwise it refreshes, and the new session is saved (by
 * {@link SessionBootstrapper}'s session listener) before the lock is released, so the next
 * instance to take the lock sees it.
 */
public final class SharedSessionRefreshCoordinator implements RefreshCoordinator {

	private static final Logger logger = LoggerFactory.getLogger(SharedSessionRefreshCoordinator.class);

	private final SessionStore store;

	private final SessionBootstrapper bootstrapper;

	private final Supplier<Lock> lock;

	private final Duration lockWait;

	private final Clock clock;

	/**
	 * @param store the shared session store
	 * @param bootstrapper what saves the client's sessions (told of adopted ones)
	 * @param lock the lock shared by the instances, or {@code null} for one local to this JVM
	 * @param lockWait how long to wait for the lock
	 * @param clock the clock of token expiry
	 */
	public SharedSessionRefreshCoordinator(SessionStore store, SessionBootstrapper bootstrapper,
			@Nullable Supplier<Lock> lock, Duration lockWait, Clock clock) {
		this.store = store;
		this.bootstrapper = bootstrapper;
		ReentrantLock local = new ReentrantLock();
		this.lock = (lock != null) ? lock : () -> local;
		this.lockWait = lockWait;
		this.clock = clock;
	}

	@Override
	public Session coordinate(Session current, Supplier<Session> refresh) {
		Lock shared = this.lock.get();
		boolean locked;
		try {
			locked = shared.tryLock(this.lockWait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MezonSessionException("Interrupted while waiting for the session refresh lock", ex);
		}
		if (!locked) {
			// Not a 4xx: the refresher retries later rather than thinking the refresh token is dead.
			throw new MezonSessionException("Another instance held the session refresh lock for more than "
					+ this.lockWait + "; not refreshing now");
		}
		try {
			Session newer = newerStored(current);
			if (newer != null) {
				return newer;
			}
			return refresh.get();
		}
		finally {
			try {
				shared.unlock();
			}
			catch (RuntimeException ex) {
				// E.g. a Redis lock that expired meanwhile: the refresh itself went through.
				logger.warn("Could not release the Mezon session refresh lock: {}", ex.toString());
			}
		}
	}

	/** @return the stored session when another instance stored a newer one than ours, else {@code null} */
	private @Nullable Session newerStored(Session current) {
		Optional<StoredSession> stored;
		try {
			stored = this.store.load(this.bootstrapper.getKey());
		}
		catch (RuntimeException ex) {
			logger.warn("Could not read the Mezon session store before refreshing: {}", ex.toString());
			return null;
		}
		if (stored.isEmpty()) {
			return null;
		}
		try {
			Session theirs = Session.restore(stored.get().data());
			boolean other = !theirs.getRefreshToken().equals(current.getRefreshToken());
			boolean newer = other && theirs.getUserId().equals(current.getUserId())
					&& !theirs.getExpiresAt().isBefore(current.getExpiresAt()) && !theirs.isRefreshExpired(this.clock);
			if (!newer) {
				return null;
			}
			this.bootstrapper.adopted(stored.get());
			logger.debug("Adopting the session another instance refreshed (version {}) instead of refreshing",
					stored.get().version());
			return theirs;
		}
		catch (MezonException ex) {
			return null;
		}
	}

}
