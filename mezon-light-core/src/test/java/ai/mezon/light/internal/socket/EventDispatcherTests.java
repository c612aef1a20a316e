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
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class EventDispatcherTests {

	private final ExecutorService executor = Executors.newFixedThreadPool(4);

	@AfterEach
	void shutdown() {
		this.executor.shutdownNow();
	}

	@Test
	void keepsOrderPerLaneAndRunsEveryTask() throws Exception {
		EventDispatcher dispatcher = new EventDispatcher(this.executor, 100_000, (ex) -> {
		});
		Map<Long, List<Integer>> seen = new ConcurrentHashMap<>();
		CountDownLatch done = new CountDownLatch(4 * 1000);
		for (int i = 0; i < 1000; i++) {
			for (long lane = 1; lane <= 4; lane++) {
				int value = i;
				long key = lane;
				dispatcher.dispatchIncoming(key, () -> {
					seen.computeIfAbsent(key, (k) -> new CopyOnWriteArrayList<>()).add(value);
					done.countDown();
				});
			}
		}
		assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
		List<Integer> expected = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			expected.add(i);
		}
		assertThat(seen.values()).allSatisfy((values) -> assertThat(values).isEqualTo(expected));
	}

	@Test
	void pausesAtCapacityAndResumesAtHalf() throws Exception {
		CountDownLatch gate = new CountDownLatch(1);
		AtomicInteger pauses = new AtomicInteger();
		CountDownLatch resumed = new CountDownLatch(1);
		EventDispatcher dispatcher = new EventDispatcher(this.executor, 10, (ex) -> {
		});
		dispatcher.setFlowControl(new EventDispatcher.FlowControl() {

			@Override
			public void pauseReading() {
				pauses.incrementAndGet();
			}

			@Override
			public void resumeReading() {
				resumed.countDown();
			}

		});
		for (int i = 0; i < 10; i++) {
			dispatcher.dispatchIncoming(1, () -> {
				try {
					gate.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			});
		}
		assertThat(pauses).hasValue(1);
		assertThat(dispatcher.isPaused()).isTrue();
		assertThat(dispatcher.highWaterMark()).isEqualTo(10);
		gate.countDown();
		assertThat(resumed.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(dispatcher.pauses()).isEqualTo(1);
	}

	@Test
	void throwingTaskIsReportedAndTheLaneGoesOn() throws Exception {
		List<Throwable> errors = new CopyOnWriteArrayList<>();
		EventDispatcher dispatcher = new EventDispatcher(this.executor, 100, errors::add);
		CountDownLatch after = new CountDownLatch(1);
		dispatcher.dispatchIncoming(7, () -> {
			throw new IllegalStateException("boom");
		});
		dispatcher.dispatchIncoming(7, after::countDown);
		assertThat(after.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(errors).singleElement().satisfies((ex) -> assertThat(ex).hasMessage("boom"));
		// The count drops just after the task returns (in the lane's finally): wait for it, bounded.
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(dispatcher.queued()).isZero());
	}

	@Test
	void gateHoldsLaterEventsAndRunsItsTasksInItsPlace() throws Exception {
		EventDispatcher dispatcher = new EventDispatcher(this.executor, 100, (ex) -> {
		});
		List<String> seen = new CopyOnWriteArrayList<>();
		CountDownLatch before = new CountDownLatch(1);
		CountDownLatch otherLane = new CountDownLatch(1);
		CountDownLatch done = new CountDownLatch(1);
		dispatcher.dispatchIncoming(1, () -> {
			seen.add("queued before");
			before.countDown();
		});
		EventDispatcher.Gate gate = dispatcher.gate(1);
		dispatcher.dispatchIncoming(1, () -> seen.add("pushed after"));
		dispatcher.dispatchIncoming(2, () -> {
			seen.add("other lane");
			otherLane.countDown();
		});
		dispatcher.dispatchIncoming(1, done::countDown);

		// The other lane is not held, and this one runs up to the gate...
		assertThat(otherLane.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(before.await(5, TimeUnit.SECONDS)).isTrue();
		// ...and stops there: nothing after the gate ran while it is closed (the order below shows
		// the gate's tasks still came first once it opened).
		assertThat(seen).doesNotContain("pushed after");
		assertThat(done.getCount()).isOne();
		gate.open(List.of(() -> seen.add("caught up 1"), () -> seen.add("caught up 2")));

		assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(seen).filteredOn((value) -> !value.equals("other lane"))
			.containsExactly("queued before", "caught up 1", "caught up 2", "pushed after");
	}

	@Test
	void gateOpenedRacingWithTheLaneIsNeverMissed() throws Exception {
		EventDispatcher dispatcher = new EventDispatcher(this.executor, 100_000, (ex) -> {
		});
		AtomicInteger ran = new AtomicInteger();
		for (int i = 0; i < 2000; i++) {
			EventDispatcher.Gate gate = dispatcher.gate(7);
			dispatcher.dispatchIncoming(7, ran::incrementAndGet);
			this.executor.execute(() -> gate.open(List.of(ran::incrementAndGet)));
		}
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(ran.get()).isEqualTo(4000));
	}

}
