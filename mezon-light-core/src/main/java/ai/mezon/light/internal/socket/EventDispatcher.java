package ai.mezon.light.internal.socket;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
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
 * <p>Workers: lanes with events wait in a ready queue and are run by a few workers, executor tasks
 * that go from one ready lane to the next (a batch of {@value #BATCH} events each, so a busy
 * channel does not starve the others) and, when none is ready, wait a few microseconds for one
 * before giving their thread back. A thread hand-off (an executor task, a wake-up) is thus paid
 * per burst, not per event or per channel woken; the {@link Executor} may be any (the socket's
 * cached pool by default), the workers only need it to start tasks. At most {@link #DEFAULT_WORKERS} workers run
 * lanes at once <em>unless</em> handlers are stuck: a watchdog on the shared timer counts the
 * workers that have been inside one handler for a whole check period as stalled and lets as many
 * more start, so a handler that blocks holds up only its own channel (the others wait one or two
 * check periods at most, and only while every worker is stuck).
 *
 * <p>Backpressure: incoming events ({@link #dispatchIncoming}) count against a capacity. When the
 * count reaches it, {@link FlowControl#pauseReading()} is called on the reading thread (the socket
 * stops reading, so TCP pushes back on the server); once handlers have drained it to half,
 * {@link FlowControl#resumeReading()} is called. Nothing is dropped and, since only the reading
 * thread adds incoming events and it stops after the one that filled the queue, the count never
 * exceeds the capacity. Each event is subtracted as soon as its handler returns: a count held back
 * for a batch could, behind a handler that blocks, keep reading paused with the queue drained.
 * Control events (state changes, errors) are few and not counted.
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

	/** Tasks one lane runs before going to the back of the ready queue. */
	static final int BATCH = 64;

	/**
	 * Workers running lanes at once when none is stalled: more than the cores only adds hand-offs
	 * and contention (measured, BENCHMARKS.md); a stalled handler does not count against it.
	 * A system property for measurements ({@code mezon.dispatch.workers}), not a supported setting.
	 */
	static final int DEFAULT_WORKERS = Integer.getInteger("mezon.dispatch.workers",
			Math.max(2, Runtime.getRuntime().availableProcessors()));

	/**
	 * How long a worker with nothing to run waits for a lane before giving its thread back: about
	 * the time the reading thread takes for a few frames, so a burst keeps its worker. Like
	 * {@link #DEFAULT_WORKERS}, a system property for measurements, not a supported setting.
	 */
	static final long SPIN_NANOS = Long.getLong("mezon.dispatch.spinNanos", 20_000);

	/** How often the watchdog looks for stalled workers while lanes wait. */
	static final Duration STALL_CHECK = Duration.ofMillis(5);

	private final Executor executor;

	private final int capacity;

	private final int resumeAt;

	private final Consumer<Throwable> errors;

	private final int maxWorkers;

	private final Timer timer;

	private final Map<Long, Lane> lanes = new ConcurrentHashMap<>();

	/** Lanes holding runnable events and not being run, in the order they became ready. */
	private final Queue<Lane> ready = new ConcurrentLinkedQueue<>();

	/** Workers started and not finished, stalled or not. */
	private final AtomicInteger workers = new AtomicInteger();

	/** Workers waiting for a ready lane (they will take one without being woken). */
	private final AtomicInteger spinning = new AtomicInteger();

	/** Workers the watchdog found inside one handler for a whole period, at its last check. */
	private volatile int stalled;

	private final Set<Worker> running = ConcurrentHashMap.newKeySet();

	private final AtomicBoolean watching = new AtomicBoolean();

	private final AtomicInteger queued = new AtomicInteger();

	private final AtomicInteger highWaterMark = new AtomicInteger();

	private final AtomicBoolean paused = new AtomicBoolean();

	private final AtomicLong pauses = new AtomicLong();

	/** Orders pause and resume calls; both are non-blocking (resume is handed to a pool). */
	private final Object flowLock = new Object();

	private volatile FlowControl flow = FlowControl.NONE;

	EventDispatcher(Executor executor, int capacity, Consumer<Throwable> errors) {
		this(executor, capacity, errors, DEFAULT_WORKERS, SocketTimer::schedule);
	}

	/**
	 * @param executor runs the workers
	 * @param capacity incoming events queued before reading pauses
	 * @param errors receives what tasks throw
	 * @param maxWorkers workers running lanes at once, stalled ones not counted
	 * @param timer schedules the watchdog's checks
	 */
	EventDispatcher(Executor executor, int capacity, Consumer<Throwable> errors, int maxWorkers, Timer timer) {
		this.executor = executor;
		this.capacity = capacity;
		this.resumeAt = capacity / 2;
		this.errors = errors;
		this.maxWorkers = Math.max(1, maxWorkers);
		this.timer = timer;
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
		if (now > this.highWaterMark.get()) {
			this.highWaterMark.accumulateAndGet(now, Math::max);
		}
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

	/** @return workers started and not finished (for tests) */
	int workers() {
		return this.workers.get();
	}

	private Lane lane(long key) {
		Lane lane = this.lanes.get(key);
		return (lane != null) ? lane : this.lanes.computeIfAbsent(key, (k) -> new Lane());
	}

	private void completedIncoming() {
		int now = this.queued.decrementAndGet();
		if (now <= this.resumeAt && this.paused.get()) {
			synchronized (this.flowLock) {
				// Checked again under the lock: between the check above and here another handler
				// may have resumed reading and the reader refilled the queue and paused again; a
				// resume on the stale count would let the queue grow past the capacity.
				if (this.queued.get() <= this.resumeAt && this.paused.compareAndSet(true, false)) {
					this.flow.resumeReading();
				}
			}
		}
	}

	/** A lane was added to the ready queue: make sure a worker will take it. */
	private void signal() {
		if (this.spinning.get() > 0) {
			// A worker between lanes takes it; if it takes another one first, it signals again.
			return;
		}
		if (!startWorker()) {
			watch();
		}
	}

	/** @return whether a worker was started, or could not be for a reason waiting will not fix */
	private boolean startWorker() {
		while (true) {
			int now = this.workers.get();
			if (now >= this.maxWorkers + this.stalled) {
				return false;
			}
			if (this.workers.compareAndSet(now, now + 1)) {
				break;
			}
		}
		try {
			this.executor.execute(new Worker());
		}
		catch (RejectedExecutionException ex) {
			// As before workers: the lanes wait for the next event (the executor is likely shut down).
			this.workers.decrementAndGet();
			logger.warn("Dispatch executor rejected socket events; {} lane(s) waiting", this.ready.size(), ex);
		}
		return true;
	}

	/** Arms the watchdog, unless it is already armed. */
	private void watch() {
		if (this.watching.compareAndSet(false, true)) {
			this.timer.schedule(this::check, STALL_CHECK);
		}
	}

	/**
	 * The watchdog: while lanes wait, counts the stalled workers (raising the limit by as many) and
	 * starts a worker if the limit allows. Runs on the timer, one check at a time.
	 */
	void check() {
		int stuck = 0;
		for (Worker worker : this.running) {
			if (worker.stalled()) {
				stuck++;
			}
		}
		this.stalled = stuck;
		if (!this.ready.isEmpty()) {
			if (this.spinning.get() == 0) {
				startWorker();
			}
			this.timer.schedule(this::check, STALL_CHECK);
			return;
		}
		this.watching.set(false);
		// A signal that found the watchdog still armed relies on it.
		if (!this.ready.isEmpty()) {
			watch();
		}
	}

	private record Item(@Nullable Runnable task, boolean incoming, @Nullable Gate gate) {
	}

	/** Schedules the watchdog's checks. */
	@FunctionalInterface
	interface Timer {

		void schedule(Runnable task, Duration delay);

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

	/** An executor task running ready lanes until none is left. */
	private final class Worker implements Runnable {

		/** Odd while a task runs; written by this worker only, read by the watchdog. */
		private final AtomicLong step = new AtomicLong();

		/** The step the watchdog saw last (watchdog only). */
		private long seen = -1;

		@Override
		public void run() {
			EventDispatcher.this.running.add(this);
			try {
				work();
			}
			finally {
				EventDispatcher.this.running.remove(this);
			}
		}

		private void work() {
			EventDispatcher dispatcher = EventDispatcher.this;
			while (true) {
				Lane lane = dispatcher.ready.poll();
				if (lane != null) {
					if (dispatcher.spinning.get() == 0 && !dispatcher.ready.isEmpty()) {
						// Others wait and nobody is free to take them (this lane may block).
						dispatcher.signal();
					}
					lane.run(this);
					continue;
				}
				if (awaitReady()) {
					continue;
				}
				dispatcher.workers.decrementAndGet();
				// A lane made ready meanwhile may have found this worker counted and started none.
				if (dispatcher.ready.isEmpty()) {
					return;
				}
				if (!enter()) {
					dispatcher.watch();
					return;
				}
			}
		}

		/** Waits a little for a ready lane, without parking. */
		private boolean awaitReady() {
			EventDispatcher dispatcher = EventDispatcher.this;
			dispatcher.spinning.incrementAndGet();
			long deadline = System.nanoTime() + SPIN_NANOS;
			boolean found = false;
			while (!found && System.nanoTime() - deadline < 0) {
				// Yield rather than spin: on a busy machine the reading thread that would make a lane
				// ready may need this core (measured: less CPU per event than Thread.onSpinWait()).
				Thread.yield();
				found = !dispatcher.ready.isEmpty();
			}
			dispatcher.spinning.decrementAndGet();
			// Re-read after leaving: a signal that saw this worker spinning started nobody.
			return found || !dispatcher.ready.isEmpty();
		}

		private boolean enter() {
			AtomicInteger workers = EventDispatcher.this.workers;
			while (true) {
				int now = workers.get();
				if (now >= EventDispatcher.this.maxWorkers + EventDispatcher.this.stalled) {
					return false;
				}
				if (workers.compareAndSet(now, now + 1)) {
					return true;
				}
			}
		}

		void run(Runnable task) {
			this.step.lazySet(this.step.get() + 1);
			try {
				task.run();
			}
			catch (Throwable ex) {
				report(ex);
			}
			finally {
				this.step.lazySet(this.step.get() + 1);
			}
		}

		/** @return whether the same task has been running since the last call (watchdog only) */
		boolean stalled() {
			long now = this.step.get();
			boolean stalled = (now & 1) == 1 && now == this.seen;
			this.seen = now;
			return stalled;
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

	private final class Lane {

		private final Queue<Item> items = new ConcurrentLinkedQueue<>();

		/** Whether this lane is in the ready queue or being run. */
		private final AtomicBoolean scheduled = new AtomicBoolean();

		void add(Item item) {
			this.items.add(item);
			if (!schedule() && EventDispatcher.this.workers.get() == 0) {
				// Ready but no worker: the executor rejected the last one; try again now.
				signal();
			}
		}

		/** @return whether this call made the lane ready */
		boolean schedule() {
			// Read first: while a worker runs the lane (a burst on one channel) the flag is set, and
			// a failed compare-and-set would still take the cache line from that worker. The worker
			// clears the flag before it looks at the queue again, so an event is never left behind.
			if (!this.scheduled.get() && this.scheduled.compareAndSet(false, true)) {
				EventDispatcher.this.ready.add(this);
				signal();
				return true;
			}
			return false;
		}

		/** Runs up to a batch, then puts the lane back in the ready queue if more can run. */
		void run(Worker worker) {
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
						worker.run(task);
					}
					continue;
				}
				this.items.poll();
				Runnable task = item.task();
				if (task != null) {
					worker.run(task);
				}
				if (item.incoming()) {
					completedIncoming();
				}
			}
			this.scheduled.set(false);
			// Re-read after clearing the flag: an add or open() racing with this run either saw the
			// flag clear and scheduled, or is seen here.
			Item head = this.items.peek();
			if (head != null && (head.gate() == null || head.gate().isOpen())
					&& this.scheduled.compareAndSet(false, true)) {
				// To the back: lanes that waited go first; this worker (or another) comes back to it.
				EventDispatcher.this.ready.add(this);
			}
		}

	}

}
