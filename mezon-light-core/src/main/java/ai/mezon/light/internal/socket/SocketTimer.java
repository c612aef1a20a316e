package ai.mezon.light.internal.socket;

import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One daemon timer thread shared by every socket for deadlines, heartbeats and reconnect
 * delays. Its tasks only complete futures or hand work to a pool, so one thread is enough.
 */
final class SocketTimer {

	private static final Logger logger = LoggerFactory.getLogger(SocketTimer.class);

	private static final ScheduledThreadPoolExecutor timer = create();

	private SocketTimer() {
	}

	/** The timer as a collaborator sees it, so that a test can run time by hand; {@code SocketTimer::schedule}. */
	@FunctionalInterface
	interface Scheduler {

		/** @return the scheduled task, to cancel */
		Future<?> schedule(Runnable task, Duration delay);

	}

	static ScheduledFuture<?> schedule(Runnable task, Duration delay) {
		return timer.schedule(() -> {
			try {
				task.run();
			}
			catch (RuntimeException ex) {
				logger.warn("Socket timer task failed", ex);
			}
		}, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
	}

	private static ScheduledThreadPoolExecutor create() {
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "mezon-socket-timer");
			thread.setDaemon(true);
			return thread;
		});
		// Cancelled deadlines (most requests are answered) must not pile up in the queue.
		executor.setRemoveOnCancelPolicy(true);
		return executor;
	}

}
