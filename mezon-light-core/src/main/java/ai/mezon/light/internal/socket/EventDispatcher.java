package ai.mezon.light.internal.socket;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs handler work on an executor, one serial lane per key (a channel id): events of one channel
 * run one at a time in arrival order, different channels run concurrently, and no lane holds a
 * thread while it is empty. A throwing task is reported and the lane goes on.
 *
 * <p>Backpressure: incoming events ({@link #dispatchIncoming}) count against a capacity. When the
 * count reaches it, {@link FlowControl#pauseReading()} is called on the reading thread (the socket
 * stops reading, so TCP pushes back on the server); once handlers have drained it to half,
 * {@link FlowControl#resumeReading()} is called. Nothing is dropped and, since only the reading
 * thread adds incoming events and it stops after the one that filled the queue, the count never
 * exceeds the capacity. Control events (state changes, errors) are few and not counted.
 *
 * <p>Gates ({@link #gate}) hold a lane at a point: events queued after the gate wait until it is
 * {@link Gate#open opened} with the work to run in its place (the messages a catch-up read from
 * the history), so that work runs after what was queued before the gate and before what came
 * after. No thread waits meanwhile. Events held behind a gate still count against the capacity.
 */
final class EventDispatcher {

	private static final Logger logger = LoggerFactory.getLogger(EventDispatcher.class);

	/** The lane of connection-level events (state, errors, channel added). */
	static final long CONTROL_LANE = Long.MIN_VALUE;

	/** Tasks one lane runs before yielding its thread, so busy channels do not starve others. */
	private static final int BATCH = 64;

	private final Executor executor;

	private final int capacity;

	private final int resumeAt;

	private final Consumer<Throwable> errors;

	private final Map<Long, Lane> lanes = new ConcurrentHashMap<>();

	private final AtomicInteger queued = new AtomicInteger();

	private final AtomicInteger highWaterMark = new AtomicInteger();

	private final AtomicBoolean paused = new AtomicBoolean();

	private final AtomicLong pauses = new AtomicLong();

	/** Orders pause and resume calls; both are non-blocking (resume is handed to a pool). */
	private final Object flowLock = new Object();

	private volatile FlowControl flow = FlowControl.NONE;

	EventDispatcher(Executor executor, int capacity, Consumer<Throwable> errors) {
		this.executor = executor;
		this.capacity = capacity;
		this.resumeAt = capacity / 2;
		this.errors = errors;
	}

	void setFlowControl(FlowControl flow) {
		this.flow = flow;
	}

	/**
	 * Queues an incoming event; called only by the thread reading the socket.
	 * @param lane the lane key, e.g. the channel id
	 * @param task the handler work
	 */
	void dispatchIncoming(long lane, Runnable task) {
		int now = this.queued.incrementAndGet();
		this.highWaterMark.accumulateAndGet(now, Math::max);
		lane(lane).add(new Item(task, true, null));
		if (now >= this.capacity) {
			// Under the lock so a resume can never be issued before the suspend it undoes.
			synchronized (this.flowLock) {
				if (this.paused.compareAndSet(false, true)) {
					this.pauses.incrementAndGet();
				}
				// Also when already paused: a new link must be paused too.
				this.flow.pauseReading();
				// Handlers may have drained the queue before paused was set, and then saw nothing
				// to resume: reading would stay paused with nothing left to resume it.
				if (this.queued.get() <= this.resumeAt && this.paused.compareAndSet(true, false)) {
					this.flow.resumeReading();
				}
			}
		}
	}

	/**
	 * Queues a control event on the control lane (not counted against the capacity).
	 * @param task the work
	 */
	void dispatchControl(Runnable task) {
		lane(CONTROL_LANE).add(new Item(task, false, null));
	}

	/**
	 * Holds a lane from now on until the returned gate is opened.
	 * @param lane the lane key
	 * @return the gate; it must be opened exactly once, or the lane stays held
	 */
	Gate gate(long lane) {
		Lane target = lane(lane);
		Gate gate = new Gate(target);
		target.add(new Item(null, false, gate));
		return gate;
	}

	/** @return whether reading is paused because handlers are behind */
	boolean isPaused() {
		return this.paused.get();
	}

	int queued() {
		return this.queued.get();
	}

	int highWaterMark() {
		return this.highWaterMark.get();
	}

	int capacity() {
		return this.capacity;
	}

	long pauses() {
		return this.pauses.get();
	}

	private Lane lane(long key) {
		return this.lanes.computeIfAbsent(key, (k) -> new Lane());
	}

	private void completedIncoming() {
		int now = this.queued.decrementAndGet();
		if (now <= this.resumeAt && this.paused.get()) {
			synchronized (this.flowLock) {
				if (this.paused.compareAndSet(true, false)) {
					this.flow.resumeReading();
				}
			}
		}
	}

	private record Item(@Nullable Runnable task, boolean incoming, @Nullable Gate gate) {
	}

	/** A point in a lane holding what was queued after it; see {@link EventDispatcher#gate}. */
	static final class Gate {

		private final Lane lane;

		private volatile @Nullable List<Runnable> tasks;

		private Gate(Lane lane) {
			this.lane = lane;
		}

		/**
		 * Opens the gate: the tasks run in order in its place, then the lane goes on.
		 * @param tasks the work to run at the gate's position, possibly none
		 */
		void open(List<Runnable> tasks) {
			this.tasks = List.copyOf(tasks);
			this.lane.schedule();
		}

		boolean isOpen() {
			return this.tasks != null;
		}

	}

	/** Pauses and resumes reading from the network. */
	interface FlowControl {

		FlowControl NONE = new FlowControl() {

			@Override
			public void pauseReading() {
			}

			@Override
			public void resumeReading() {
			}

		};

		void pauseReading();

		void resumeReading();

	}

	private final class Lane implements Runnable {

		private final Queue<Item> items = new ConcurrentLinkedQueue<>();

		private final AtomicBoolean scheduled = new AtomicBoolean();

		void add(Item item) {
			this.items.add(item);
			schedule();
		}

		private void schedule() {
			if (this.scheduled.compareAndSet(false, true)) {
				try {
					EventDispatcher.this.executor.execute(this);
				}
				catch (RejectedExecutionException ex) {
					this.scheduled.set(false);
					logger.warn("Dispatch executor rejected socket events; {} waiting", this.items.size(), ex);
				}
			}
		}

		@Override
		public void run() {
			for (int i = 0; i < BATCH; i++) {
				Item item = this.items.peek();
				if (item == null) {
					break;
				}
				Gate gate = item.gate();
				if (gate != null) {
					List<Runnable> tasks = gate.tasks;
					if (tasks == null) {
						// Held: the gate's open() schedules the lane again.
						break;
					}
					this.items.poll();
					for (Runnable task : tasks) {
						try {
							task.run();
						}
						catch (Throwable ex) {
							report(ex);
						}
					}
					continue;
				}
				this.items.poll();
				try {
					Runnable task = item.task();
					if (task != null) {
						task.run();
					}
				}
				catch (Throwable ex) {
					report(ex);
				}
				finally {
					if (item.incoming()) {
						completedIncoming();
					}
				}
			}
			this.scheduled.set(false);
			// Re-read after clearing the flag: an open() racing with this run either saw the flag
			// clear and scheduled, or its gate is seen open here.
			Item head = this.items.peek();
			if (head != null && (head.gate() == null || head.gate().isOpen())) {
				schedule();
			}
		}

		private void report(Throwable ex) {
			try {
				EventDispatcher.this.errors.accept(ex);
			}
			catch (Throwable nested) {
				logger.warn("Socket error reporting failed", nested);
			}
		}

	}

}
