package ai.mezon.light.internal.socket;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;

import ai.mezon.light.MezonServerErrorException;
import ai.mezon.light.MezonSocketException;
import ai.mezon.light.MezonTimeoutException;

/**
 * Tells a dead link from a quiet one: pings the current link, one ping at a time, the next armed
 * once the last is answered, and declares the link dead when a ping goes unanswered within the
 * interval and nothing else came meanwhile.
 *
 * <p>Threads: the ticks run on the timer thread; a ping's outcome on whichever thread completes
 * it (the reading thread for a pong, the timer thread for its deadline). Nothing here blocks or
 * takes the supervisor's lock; losing the link ({@link Host#linkLost}) takes it.
 */
final class Heartbeat {

	private final Duration interval;

	private final Host host;

	private final SocketTimer.Scheduler timer;

	/** The clock {@link Link#lastFrameNanos()} is read on. */
	private final LongSupplier nanoClock;

	Heartbeat(Duration interval, Host host, SocketTimer.Scheduler timer, LongSupplier nanoClock) {
		this.interval = interval;
		this.host = host;
		this.timer = timer;
		this.nanoClock = nanoClock;
	}

	/** Arms the next ping on a link, unless it is closed; the chain ends when the link is lost or replaced. */
	void start(Link target) {
		if (!target.isClosed()) {
			this.timer.schedule(() -> beat(target), this.interval);
		}
	}

	/**
	 * Sends a ping; the next one is armed once it is answered. A ping unanswered within the
	 * interval means a dead link unless any frame arrived meanwhile or we paused reading
	 * ourselves (backpressure), so slow handlers never look like a dead server.
	 */
	private void beat(Link target) {
		if (target.isClosed() || !this.host.isCurrent(target)) {
			return;
		}
		if (this.host.isReadingPaused()) {
			start(target);
			return;
		}
		long sentAt = this.nanoClock.getAsLong();
		this.host.ping(target, this.interval).whenComplete((pong, ex) -> {
			Throwable cause = (ex != null) ? SocketErrors.unwrap(ex) : null;
			if (cause == null || cause instanceof MezonServerErrorException) {
				start(target);
			}
			else if (cause instanceof MezonTimeoutException) {
				if (!looksDead(this.host.isReadingPaused(), sentAt, target.lastFrameNanos())) {
					start(target);
				}
				else {
					this.host.reportError(new MezonSocketException("No pong within " + this.interval.toMillis()
							+ " ms: the connection is considered dead"));
					this.host.linkLost(target, new MezonTimeoutException("Heartbeat", this.interval, null));
				}
			}
			// Any other failure means the link is already lost: the chain ends with it.
		});
	}

	/**
	 * The dead-link rule, for a ping that timed out.
	 * @param readingPaused whether we paused reading ourselves (a read pause we caused is not silence)
	 * @param sentAtNanos when the ping went out
	 * @param lastFrameNanos when the link last received a frame (or resumed reading), same clock
	 * @return whether the link is dead: not paused by us, and no frame since the ping
	 */
	static boolean looksDead(boolean readingPaused, long sentAtNanos, long lastFrameNanos) {
		// Compared by difference: nano times may wrap.
		return !readingPaused && lastFrameNanos - sentAtNanos <= 0;
	}

	/** What the heartbeat needs of the supervisor. */
	interface Host {

		/**
		 * @return whether the link is still the current one; read without the supervisor's lock, so
		 * at worst one more ping is tried on a link just lost, and fails without a verdict
		 */
		boolean isCurrent(Link link);

		/** @return whether reading is paused for backpressure */
		boolean isReadingPaused();

		/** Sends a ping on the link, bypassing the request queue; the result fails on timeout. */
		CompletableFuture<?> ping(Link link, Duration timeout);

		void reportError(Throwable error);

		/** The link is dead: drop it (and reconnect). */
		void linkLost(Link link, @Nullable Throwable cause);

	}

}
