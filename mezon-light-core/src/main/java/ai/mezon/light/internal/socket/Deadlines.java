package ai.mezon.light.internal.socket;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deadlines of one socket's requests, kept without a timer task per request.
 *
 * <p>Why: nearly every request is answered long before its deadline, so a timer task per request
 * (a {@code ScheduledThreadPoolExecutor} entry scheduled on the sender's thread and cancelled on
 * the reader's, each a sift in one heap under one lock) was ~11 % of the client's CPU per message
 * in a pipelined exchange (BENCHMARKS.md, "Where the Java client's CPU per message goes").
 * Requests share a handful of timeouts (the request timeout; the join's, which adds the join
 * wait), so each timeout gets a {@link Track}: a list in the order the requests started, hence in
 * deadline order. Adding appends, an answer unlinks (both O(1) under the track's monitor), and
 * one timer task per track, armed for the oldest request's deadline, expires what is due and arms
 * itself for the next. When the oldest was answered meanwhile the task just re-arms: about one
 * timer task per timeout period instead of one per request.
 *
 * <p>Threads: {@link #start} runs on the caller's thread, {@code Track.remove} (a request answered
 * or failed) on whichever completes it (reader, pool, timer), the expiry on the timer thread;
 * requests are expired outside the monitor, as expiring completes futures and runs their
 * dependents.
 */
final class Deadlines {

	private static final Logger logger = LoggerFactory.getLogger(Deadlines.class);

	private final SocketTimer.Scheduler timer;

	private final LongSupplier nanoClock;

	private final Map<Long, Track> tracks = new ConcurrentHashMap<>();

	/** Told of each request this expired, after its future failed (e.g. to drop it from a queue). */
	private volatile Consumer<Request> onExpired = (request) -> {
	};

	/**
	 * @param timer schedules the expiry checks
	 * @param nanoClock the clock deadlines are measured on ({@code System::nanoTime})
	 */
	Deadlines(SocketTimer.Scheduler timer, LongSupplier nanoClock) {
		this.timer = timer;
		this.nanoClock = nanoClock;
	}

	/** @param listener told of each request that expired here, on the timer thread */
	void onExpired(Consumer<Request> listener) {
		this.onExpired = listener;
	}

	/** Starts a request's deadline: it expires after its timeout unless stopped first. */
	void start(Request request) {
		long timeout = Math.max(0, request.timeout.toNanos());
		Track track = this.tracks.get(timeout);
		if (track == null) {
			track = this.tracks.computeIfAbsent(timeout, Track::new);
		}
		track.add(request);
	}

	/** @return requests whose deadline is running (for tests) */
	int running() {
		int count = 0;
		for (Track track : this.tracks.values()) {
			count += track.size();
		}
		return count;
	}

	/**
	 * The requests started with one timeout, oldest first. Since the clock is monotonic and the
	 * deadline is taken under the monitor, the list is in deadline order.
	 */
	final class Track {

		private final long timeout;

		private @Nullable Request head;

		private @Nullable Request tail;

		private int size;

		/** Whether a timer task is scheduled for this track. */
		private boolean armed;

		Track(long timeout) {
			this.timeout = timeout;
		}

		void add(Request request) {
			synchronized (this) {
				request.dueAt = Deadlines.this.nanoClock.getAsLong() + this.timeout;
				request.track = this;
				request.previous = this.tail;
				request.next = null;
				if (this.tail != null) {
					this.tail.next = request;
				}
				else {
					this.head = request;
				}
				this.tail = request;
				this.size++;
				if (!this.armed) {
					try {
						arm(this.timeout);
					}
					catch (RuntimeException | Error ex) {
						// No timer task: the request must not stay in a track nothing expires.
						unlink(request);
						throw ex;
					}
					this.armed = true;
				}
			}
		}

		void remove(Request request) {
			synchronized (this) {
				unlink(request);
			}
		}

		int size() {
			synchronized (this) {
				return this.size;
			}
		}

		/** The timer task: expires every request that is due, then arms for the next one. */
		private void check() {
			List<Request> due = new ArrayList<>();
			try {
				synchronized (this) {
					long now = Deadlines.this.nanoClock.getAsLong();
					Request oldest = this.head;
					while (oldest != null && oldest.dueAt - now <= 0) {
						unlink(oldest);
						due.add(oldest);
						oldest = this.head;
					}
					// Disarmed first: if arming fails, the next request added arms the track again.
					this.armed = false;
					if (oldest != null) {
						arm(oldest.dueAt - now);
						this.armed = true;
					}
				}
			}
			finally {
				// What was taken out of the track expires even if arming for the next one failed.
				for (Request request : due) {
					expire(request);
				}
			}
		}

		private void expire(Request request) {
			try {
				if (request.expire()) {
					Deadlines.this.onExpired.accept(request);
				}
			}
			catch (Throwable ex) {
				// One request's dependents must not keep the others from expiring.
				logger.warn("Expiring {} failed", request.operation, ex);
			}
		}

		private void arm(long delayNanos) {
			Deadlines.this.timer.schedule(this::check, Duration.ofNanos(delayNanos));
		}

		/** Must hold the monitor. */
		private void unlink(Request request) {
			if (request.track != this) {
				return;
			}
			Request previous = request.previous;
			Request next = request.next;
			if (previous != null) {
				previous.next = next;
			}
			else {
				this.head = next;
			}
			if (next != null) {
				next.previous = previous;
			}
			else {
				this.tail = previous;
			}
			request.previous = null;
			request.next = null;
			request.track = null;
			this.size--;
		}

	}

}
