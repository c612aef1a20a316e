package ai.mezon.light.internal.socket;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lanes run by a few workers that go from one ready lane to the next: order per lane, isolation
 * and flow control hold, and a blocked handler holds up only its own lane (the watchdog lets
 * another worker start). The watchdog is driven by hand here, except where the real timer is the
 * point; no assertion depends on timing.
 */
class EventDispatcherWorkerTests {

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final ManualTimer timer = new ManualTimer();

	@AfterEach
	void shutdown() {
		this.executor.shutdownNow();
	}

	@Test
	void keepsOrderPerLaneWithManyLanesAndOneWorker() throws Exception {
		EventDispatcher dispatcher = new EventDispatcher(this.executor, 1_000_000, (ex) -> {
		}, 1, this.timer);
		assertOrderKept(dispatcher, 100, 300);
	}

	@Test
	void keepsOrderPerLaneWithManyLanesAndTwoWorkers() throws Exception {
		EventDispatcher dispatcher = new EventDispatcher(this.executor, 1_000_000, (ex) -> {
		}, 2, this.timer);
		assertOrderKept(dispatcher, 100, 300);
	}

	@Test
	void blockedHandlerDoesNotStopOtherLanesOnceTheWatchdogSeesItStalled() throws Exception {
		EventDispatcher dispatcher = new EventDispatcher(this.executor, 100, (ex) -> {
		}, 1, this.timer);
		CountDownLatch entered = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch other = new CountDownLatch(1);
		dispatcher.dispatchIncoming(1, () -> {
			entered.countDown();
			await(release);
		});
		assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
		// The only worker is blocked: lane 2 waits for the watchdog, which is armed.
		dispatcher.dispatchIncoming(2, other::countDown);
		for (int i = 0; i < 100 && other.getCount() > 0; i++) {
			this.timer.runDue();
			other.await(10, TimeUnit.MILLISECONDS);
		}
		assertThat(other.getCount()).isZero();
		assertThat(release.getCount()).isOne();
		release.countDown();
	}

	@Test
	void everyLaneCanBlockAtOnceWithTheRealTimer() throws Exception {
		EventDispatcher dispatcher = new EventDispatcher(this.executor, 100, (ex) -> {
		});
		int lanes = EventDispatcher.DEFAULT_WORKERS * 3 + 1;
		// Each handler waits for all the others to be running: only lanes running concurrently
		// (more than the worker limit, as handlers block) let every one of them through.
		CountDownLatch arrived = new CountDownLatch(lanes);
		List<Boolean> results = new CopyOnWriteArrayList<>();
		CountDownLatch done = new CountDownLatch(lanes);
		for (long lane = 1; lane <= lanes; lane++) {
			dispatcher.dispatchIncoming(lane, () -> {
				arrived.countDown();
				try {
					results.add(arrived.await(20, TimeUnit.SECONDS));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				done.countDown();
			});
		}
		assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
		assertThat(results).hasSize(lanes).containsOnly(true);
	}

	@Test
	void throwingHandlerDoesNotEndItsWorker() throws Exception {
		List<Throwable> errors = new CopyOnWriteArrayList<>();
		EventDispatcher dispatcher = new EventDispatcher(this.executor, 100, errors::add, 1, this.timer);
		CountDownLatch done = new CountDownLatch(3);
		dispatcher.dispatchIncoming(1, () -> {
			throw new IllegalStateException("boom");
		});
		dispatcher.dispatchIncoming(2, done::countDown);
		dispatcher.dispatchIncoming(1, done::countDown);
		dispatcher.dispatchIncoming(3, done::countDown);
		assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(errors).singleElement().satisfies((ex) -> assertThat(ex).hasMessage("boom"));
	}

	@Test
	void heldGateDoesNotHoldTheWorker() throws Exception {
		EventDispatcher dispatcher = new EventDispatcher(this.executor, 100, (ex) -> {
		}, 1, this.timer);
		List<String> seen = new CopyOnWriteArrayList<>();
		EventDispatcher.Gate gate = dispatcher.gate(1);
		dispatcher.dispatchIncoming(1, () -> seen.add("held"));
		CountDownLatch other = new CountDownLatch(1);
		dispatcher.dispatchIncoming(2, other::countDown);
		// One worker and no watchdog tick: lane 2 runs only because the held lane let it go.
		assertThat(other.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(seen).isEmpty();
		CountDownLatch after = new CountDownLatch(1);
		dispatcher.dispatchIncoming(1, after::countDown);
		gate.open(List.of(() -> seen.add("caught up")));
		assertThat(after.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(seen).containsExactly("caught up", "held");
	}

	@Test
	void readerThatHonoursPausesDeliversEverythingWithinCapacity() throws Exception {
		int capacity = 32;
		AtomicBoolean paused = new AtomicBoolean();
		Object monitor = new Object();
		EventDispatcher dispatcher = new EventDispatcher(this.executor, capacity, (ex) -> {
		}, 2, this.timer);
		dispatcher.setFlowControl(new EventDispatcher.FlowControl() {

			@Override
			public void pauseReading() {
				paused.set(true);
			}

			@Override
			public void resumeReading() {
				synchronized (monitor) {
					paused.set(false);
					monitor.notifyAll();
				}
			}

		});
		int lanes = 100;
		int perLane = 200;
		Map<Long, List<Integer>> seen = new ConcurrentHashMap<>();
		CountDownLatch done = new CountDownLatch(lanes * perLane);
		for (int i = 0; i < perLane; i++) {
			for (long lane = 1; lane <= lanes; lane++) {
				synchronized (monitor) {
					while (paused.get()) {
						monitor.wait(5_000);
					}
				}
				int value = i;
				long key = lane;
				dispatcher.dispatchIncoming(key, () -> {
					seen.computeIfAbsent(key, (k) -> new CopyOnWriteArrayList<>()).add(value);
					done.countDown();
				});
			}
		}
		assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
		assertThat(dispatcher.highWaterMark()).isLessThanOrEqualTo(capacity);
		assertThat(dispatcher.pauses()).isPositive();
		assertThat(seen).hasSize(lanes);
		assertThat(seen.values()).allSatisfy((values) -> assertThat(values).isEqualTo(range(perLane)));
	}

	@Test
	void idleWorkersGiveTheirThreadsBack() throws Exception {
		EventDispatcher dispatcher = new EventDispatcher(this.executor, 100, (ex) -> {
		}, 2, this.timer);
		CountDownLatch done = new CountDownLatch(10);
		for (long lane = 1; lane <= 10; lane++) {
			dispatcher.dispatchIncoming(lane, done::countDown);
		}
		assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
		Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(dispatcher.workers()).isZero());
		assertThat(dispatcher.queued()).isZero();
	}

	private static void assertOrderKept(EventDispatcher dispatcher, int lanes, int perLane) throws Exception {
		Map<Long, List<Integer>> seen = new ConcurrentHashMap<>();
		CountDownLatch done = new CountDownLatch(lanes * perLane);
		for (int i = 0; i < perLane; i++) {
			for (long lane = 1; lane <= lanes; lane++) {
				int value = i;
				long key = lane;
				dispatcher.dispatchIncoming(key, () -> {
					seen.computeIfAbsent(key, (k) -> new CopyOnWriteArrayList<>()).add(value);
					done.countDown();
				});
			}
		}
		assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
		assertThat(seen).hasSize(lanes);
		assertThat(seen.values()).allSatisfy((values) -> assertThat(values).isEqualTo(range(perLane)));
	}

	private static List<Integer> range(int count) {
		List<Integer> values = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			values.add(i);
		}
		return values;
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Keeps scheduled checks until the test runs them. */
	private static final class ManualTimer implements EventDispatcher.Timer {

		private final List<Runnable> due = new CopyOnWriteArrayList<>();

		@Override
		public void schedule(Runnable task, Duration delay) {
			this.due.add(task);
		}

		void runDue() {
			List<Runnable> now = List.copyOf(this.due);
			this.due.removeAll(now);
			now.forEach(Runnable::run);
		}

	}

}
