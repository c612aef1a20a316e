package ai.mezon.light.internal.socket;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import ai.mezon.light.MezonTimeoutException;
import ai.mezon.light.proto.realtime.Envelope;
import ai.mezon.light.proto.realtime.Ping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Request deadlines without a timer task per request: expiry on time, answered requests never
 * expire and cost no timer task of their own, several timeouts side by side. Time runs by hand.
 */
class DeadlinesTests {

	private final ManualClock clock = new ManualClock();

	private final Deadlines deadlines = new Deadlines(this.clock, this.clock::now);

	@Test
	void expiresARequestWhenItsTimeoutHasPassedAndNotBefore() {
		Request request = start("a", 1_000);
		this.clock.advanceMillis(999);
		assertThat(request.isDone()).isFalse();
		this.clock.advanceMillis(1);
		assertThat(request.result).failsWithin(Duration.ZERO)
			.withThrowableThat()
			.havingCause()
			.isInstanceOf(MezonTimeoutException.class)
			.withMessageContaining("a");
		assertThat(this.deadlines.running()).isZero();
	}

	@Test
	void answeredRequestsNeverExpireAndShareOneTimerTask() {
		List<Request> requests = new ArrayList<>();
		for (int i = 0; i < 1_000; i++) {
			requests.add(start("r" + i, 1_000));
		}
		// One task armed for the oldest deadline, not one per request.
		assertThat(this.clock.scheduled()).isOne();
		requests.forEach((request) -> request.reply(Envelope.getDefaultInstance()));
		assertThat(this.deadlines.running()).isZero();
		this.clock.advanceMillis(5_000);
		assertThat(requests).allSatisfy((request) -> assertThat(request.result).isCompletedWithValue(Envelope.getDefaultInstance()));
		assertThat(this.clock.scheduled()).isZero();
	}

	@Test
	void expiresOnlyWhatIsDueAndRearmsForTheNextOldest() {
		Request first = start("first", 1_000);
		this.clock.advanceMillis(400);
		Request second = start("second", 1_000);
		Request answered = start("answered", 1_000);
		this.clock.advanceMillis(600);
		assertThat(first.isDone()).isTrue();
		assertThat(second.isDone()).isFalse();
		answered.reply(Envelope.getDefaultInstance());
		this.clock.advanceMillis(399);
		assertThat(second.isDone()).isFalse();
		this.clock.advanceMillis(1);
		assertThat(second.result).isCompletedExceptionally();
		assertThat(answered.result).isCompletedWithValue(Envelope.getDefaultInstance());
		assertThat(this.deadlines.running()).isZero();
	}

	@Test
	void requestsWithDifferentTimeoutsExpireEachOnTime() {
		Request slow = start("slow", 3_000);
		Request fast = start("fast", 1_000);
		this.clock.advanceMillis(1_000);
		assertThat(fast.result).isCompletedExceptionally();
		assertThat(slow.isDone()).isFalse();
		this.clock.advanceMillis(2_000);
		assertThat(slow.result).isCompletedExceptionally();
	}

	@Test
	void aFailedRequestStopsItsDeadline() {
		Request request = start("failed", 1_000);
		request.fail(new IllegalStateException("link lost"));
		assertThat(this.deadlines.running()).isZero();
		this.clock.advanceMillis(1_000);
		assertThat(request.result).failsWithin(Duration.ZERO)
			.withThrowableThat()
			.havingCause()
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void theExpiryListenerHearsOfExpiredRequestsOnly() {
		List<String> expired = new ArrayList<>();
		this.deadlines.onExpired((request) -> expired.add(request.operation));
		Request answered = start("answered", 1_000);
		start("expired", 1_000);
		Request failed = start("failed", 1_000);
		answered.reply(Envelope.getDefaultInstance());
		failed.fail(new IllegalStateException("link lost"));
		this.clock.advanceMillis(1_000);
		assertThat(expired).containsExactly("expired");
	}

	@Test
	void aTimerThatRefusesToScheduleLeavesNoRequestBehind() {
		this.clock.refuseNext(1);
		assertThatThrownBy(() -> start("refused", 1_000)).isInstanceOf(RejectedExecutionException.class);
		assertThat(this.deadlines.running()).isZero();
		// The track was not left armed without a task: the next request arms it and expires.
		Request next = start("next", 1_000);
		this.clock.advanceMillis(1_000);
		assertThat(next.result).isCompletedExceptionally();
	}

	@Test
	void dueRequestsExpireEvenWhenArmingForTheNextOneFails() {
		Request first = start("first", 1_000);
		this.clock.advanceMillis(500);
		Request second = start("second", 1_000);
		this.clock.refuseNext(1);
		assertThatThrownBy(() -> this.clock.advanceMillis(500)).isInstanceOf(RejectedExecutionException.class);
		assertThat(first.result).isCompletedExceptionally();
		assertThat(second.isDone()).isFalse();
		// Disarmed, not stuck: a later request arms the track and the older one expires with it.
		Request third = start("third", 1_000);
		this.clock.advanceMillis(1_000);
		assertThat(second.result).isCompletedExceptionally();
		assertThat(third.result).isCompletedExceptionally();
		assertThat(this.deadlines.running()).isZero();
	}

	@Test
	void answersRacingTheirDeadlinesCompleteEachRequestExactlyOnce() throws Exception {
		Deadlines real = new Deadlines(SocketTimer::schedule, System::nanoTime);
		int count = 2_000;
		List<Request> requests = new ArrayList<>();
		List<CompletableFuture<Void>> counted = new ArrayList<>();
		AtomicInteger completions = new AtomicInteger();
		for (int i = 0; i < count; i++) {
			Request request = Request.start(ping(), "racing " + i, Duration.ofMillis(1 + (i % 5)), real);
			// Done only once the count is taken (unlike the request's own future, whose other
			// dependents may run first).
			counted.add(request.result.handle((value, ex) -> {
				completions.incrementAndGet();
				return null;
			}));
			requests.add(request);
		}
		// Answered while their 1-5 ms deadlines come due on the timer thread: each ends answered or
		// timed out, none is left waiting, and the tracks end empty (no node left linked by the race).
		for (Request request : requests) {
			request.reply(Envelope.getDefaultInstance());
		}
		CompletableFuture.allOf(counted.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
		assertThat(completions).hasValue(count);
		assertThat(real.running()).isZero();
	}

	@Test
	void concurrentStartsAndAnswersWithTheRealTimerLeaveNothingRunning() throws Exception {
		Deadlines real = new Deadlines(SocketTimer::schedule, System::nanoTime);
		int threads = 4;
		int perThread = 5_000;
		CountDownLatch done = new CountDownLatch(threads);
		List<Request> expiring = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			expiring.add(Request.start(ping(), "expiring " + i, Duration.ofMillis(50), real));
		}
		for (int t = 0; t < threads; t++) {
			new Thread(() -> {
				for (int i = 0; i < perThread; i++) {
					Request request = Request.start(ping(), "answered", Duration.ofSeconds(30), real);
					request.reply(Envelope.getDefaultInstance());
				}
				done.countDown();
			}).start();
		}
		assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
		for (Request request : expiring) {
			assertThat(request.result).failsWithin(Duration.ofSeconds(10));
		}
		assertThat(real.running()).isZero();
	}

	private Request start(String operation, long timeoutMillis) {
		return Request.start(ping(), operation, Duration.ofMillis(timeoutMillis), this.deadlines);
	}

	private static Envelope ping() {
		return Envelope.newBuilder().setPing(Ping.getDefaultInstance()).build();
	}

	/** A clock and a scheduler that move only when told; due tasks run on the test's thread. */
	private static final class ManualClock implements SocketTimer.Scheduler {

		private final List<Task> tasks = new ArrayList<>();

		private long now = 1_000_000_000L;

		long now() {
			return this.now;
		}

		int scheduled() {
			return this.tasks.size();
		}

		private int refusals;

		void refuseNext(int count) {
			this.refusals = count;
		}

		@Override
		public Future<?> schedule(Runnable task, Duration delay) {
			if (this.refusals > 0) {
				this.refusals--;
				throw new RejectedExecutionException("refused by the test");
			}
			this.tasks.add(new Task(this.now + delay.toNanos(), task));
			return CompletableFuture.completedFuture(null);
		}

		void advanceMillis(long millis) {
			this.now += TimeUnit.MILLISECONDS.toNanos(millis);
			boolean ran = true;
			while (ran) {
				ran = false;
				for (Task task : List.copyOf(this.tasks)) {
					if (task.at() <= this.now) {
						this.tasks.remove(task);
						task.run().run();
						ran = true;
					}
				}
			}
		}

		private record Task(long at, Runnable run) {
		}

	}

}
