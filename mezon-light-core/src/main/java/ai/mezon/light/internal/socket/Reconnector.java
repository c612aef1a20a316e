package ai.mezon.light.internal.socket;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Future;
import java.util.function.DoubleSupplier;

import org.jspecify.annotations.Nullable;

/**
 * When to try the link again after it was lost or failed to come up: counts the attempts since
 * the link was last up, spaces them with jittered {@link Backoff}, says when to give up, and
 * remembers that the next attempt must refresh the session first (the server refused the token).
 * What an attempt does (refresh, open a link) and the give-up itself belong to the supervisor.
 *
 * <p>Not thread-safe on its own: this is part of the supervisor's state machine, guarded by its
 * lock, which every method but {@link #nextAttemptAt()} must be called with (asserted). The
 * attempt task runs on the timer thread, so it must only hand the attempt to a pool.
 */
final class Reconnector {

	private final Object lock;

	private final Backoff backoff;

	/** The most attempts in a row, or 0 for no limit. */
	private final int maxAttempts;

	/** Uniform values in [0, 1) for the jitter. */
	private final DoubleSupplier random;

	private final SocketTimer.Scheduler timer;

	/** When the next attempt is due while one is scheduled; read without the lock, for health reporting. */
	private volatile @Nullable Instant nextAttemptAt;

	// Guarded by lock.

	private int attempt;

	private boolean refreshFirst;

	private @Nullable Future<?> task;

	/**
	 * @param lock the supervisor's lock, which guards this
	 * @param backoff the delays between attempts
	 * @param maxAttempts the most attempts in a row before giving up, or 0 for no limit
	 * @param random uniform values in [0, 1) for the jitter
	 * @param timer runs the attempt task when due
	 */
	Reconnector(Object lock, Backoff backoff, int maxAttempts, DoubleSupplier random, SocketTimer.Scheduler timer) {
		this.lock = lock;
		this.backoff = backoff;
		this.maxAttempts = maxAttempts;
		this.random = random;
		this.timer = timer;
	}

	/** A fresh start (connect) or the link back up after reconnecting: no attempts, no refresh owed. */
	void reset() {
		assert Thread.holdsLock(this.lock);
		this.attempt = 0;
		this.refreshFirst = false;
	}

	/** The first link came up: the attempts start again from the first delay. */
	void resetAttempts() {
		assert Thread.holdsLock(this.lock);
		this.attempt = 0;
	}

	/**
	 * Schedules the next attempt after its backoff delay, replacing any scheduled one.
	 * @param attemptTask runs on the timer thread when due; must only hand the attempt on
	 * @return {@code false}, scheduling nothing, when the attempts are used up: time to give up
	 */
	boolean schedule(Runnable attemptTask) {
		assert Thread.holdsLock(this.lock);
		if (this.maxAttempts > 0 && this.attempt >= this.maxAttempts) {
			return false;
		}
		Duration delay = this.backoff.delay(this.attempt++, this.random);
		cancel();
		this.nextAttemptAt = Instant.now().plus(delay);
		this.task = this.timer.schedule(attemptTask, delay);
		return true;
	}

	/** Cancels the scheduled attempt, if any; {@link #nextAttemptAt()} is left to {@link #noneDue()}. */
	void cancel() {
		assert Thread.holdsLock(this.lock);
		Future<?> scheduled = this.task;
		if (scheduled != null) {
			scheduled.cancel(false);
			this.task = null;
		}
	}

	/** No attempt is due any more (the socket left the reconnecting state). */
	void noneDue() {
		assert Thread.holdsLock(this.lock);
		this.nextAttemptAt = null;
	}

	/** @return the attempts made since the link was last up */
	int attempts() {
		assert Thread.holdsLock(this.lock);
		return this.attempt;
	}

	/** The server refused the token (HTTP 401): refresh the session before the next attempt. */
	void refreshFirst() {
		assert Thread.holdsLock(this.lock);
		this.refreshFirst = true;
	}

	/** @return whether the next attempt must refresh the session first, whatever its expiry says */
	boolean mustRefresh() {
		assert Thread.holdsLock(this.lock);
		return this.refreshFirst;
	}

	/** The session was refreshed: no refresh owed any more. */
	void refreshed() {
		assert Thread.holdsLock(this.lock);
		this.refreshFirst = false;
	}

	/** @return when the next attempt is due, or {@code null} when none is; any thread */
	@Nullable Instant nextAttemptAt() {
		return this.nextAttemptAt;
	}

	/** Makes the reconnector of a state machine, guarded by that machine's lock. */
	@FunctionalInterface
	interface Factory {

		Reconnector create(Object lock);

	}

}
