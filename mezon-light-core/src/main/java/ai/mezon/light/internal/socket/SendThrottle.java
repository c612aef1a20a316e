package ai.mezon.light.internal.socket;

import java.util.ArrayDeque;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import ai.mezon.light.MezonSocketException;

/**
 * Spaces the requests that produce messages (sends, edits, deletions, reactions) of one socket
 * at a fixed rate, as Mezon's own SDKs do (PROTOCOL.md §4, "Limits": 80 a second), rather than let
 * the server see a burst. Requests leave in the order they came, so per-channel order is kept;
 * one whose deadline passed while waiting (the wait counts against the request timeout) is
 * skipped without using a slot; when the queue is full, a new request fails at once.
 *
 * <p>Threads: a request arriving when a slot is free is released on the caller's thread; queued
 * ones are released by the shared timer thread, which only writes them to the link's queue.
 */
final class SendThrottle {

	private final long intervalNanos;

	private final int capacity;

	private final SocketTimer.Scheduler timer;

	private final LongSupplier nanoClock;

	private final Object lock = new Object();

	// Guarded by lock.

	private final ArrayDeque<Entry> queue = new ArrayDeque<>();

	private long nextSlot;

	private boolean scheduled;

	/**
	 * @param perSecond requests let through per second; 0 or less for no throttle
	 * @param capacity the most requests waiting
	 * @param timer runs the releases of queued requests
	 * @param nanoClock the clock of the slots
	 */
	SendThrottle(double perSecond, int capacity, SocketTimer.Scheduler timer, LongSupplier nanoClock) {
		this.intervalNanos = (perSecond > 0) ? (long) (1_000_000_000L / perSecond) : 0;
		this.capacity = capacity;
		this.timer = timer;
		this.nanoClock = nanoClock;
		this.nextSlot = nanoClock.getAsLong();
	}

	/**
	 * Lets a request through now, or queues it for its slot.
	 * @param request the request, its deadline running
	 * @param release sends it; called once, unless the request is done (timed out) before its slot
	 */
	void submit(Request request, Consumer<Request> release) {
		if (this.intervalNanos == 0) {
			release.accept(request);
			return;
		}
		boolean now = false;
		synchronized (this.lock) {
			long time = this.nanoClock.getAsLong();
			if (this.queue.isEmpty() && time - this.nextSlot >= 0) {
				this.nextSlot = time + this.intervalNanos;
				now = true;
			}
			else if (this.queue.size() >= this.capacity) {
				request.fail(new MezonSocketException(request.operation + " refused: " + this.capacity
						+ " requests already wait for the send throttle (" + perSecond()
						+ " a second); slow down, or raise the send rate or queue capacity"));
				return;
			}
			else {
				this.queue.add(new Entry(request, release));
				scheduleLocked(time);
			}
		}
		if (now) {
			release.accept(request);
		}
	}

	/** @return how many requests wait for their slot */
	int waiting() {
		synchronized (this.lock) {
			return this.queue.size();
		}
	}

	private void releaseDue() {
		Entry due = null;
		synchronized (this.lock) {
			this.scheduled = false;
			long time = this.nanoClock.getAsLong();
			while (!this.queue.isEmpty()) {
				Entry head = this.queue.peek();
				if (head.request().isDone()) {
					// Timed out while waiting: it leaves without using a slot.
					this.queue.poll();
					continue;
				}
				if (time - this.nextSlot >= 0) {
					due = this.queue.poll();
					this.nextSlot = time + this.intervalNanos;
				}
				break;
			}
			if (!this.queue.isEmpty()) {
				scheduleLocked(time);
			}
		}
		if (due != null) {
			due.release().accept(due.request());
		}
	}

	/** Guarded by lock. */
	private void scheduleLocked(long time) {
		if (!this.scheduled) {
			this.scheduled = true;
			this.timer.schedule(this::releaseDue, java.time.Duration.ofNanos(Math.max(0, this.nextSlot - time)));
		}
	}

	private String perSecond() {
		return String.format(java.util.Locale.ROOT, "%.0f", 1e9 / this.intervalNanos);
	}

	private record Entry(Request request, Consumer<Request> release) {
	}

}
