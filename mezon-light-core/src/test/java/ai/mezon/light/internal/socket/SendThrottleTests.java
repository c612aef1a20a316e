package ai.mezon.light.internal.socket;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import ai.mezon.light.MezonSocketException;
import ai.mezon.light.proto.realtime.Envelope;
import ai.mezon.light.proto.realtime.Ping;

import static org.assertj.core.api.Assertions.assertThat;

/** The send throttle with time run by hand: spacing, order, the bounded queue, expired waiters. */
class SendThrottleTests {

	private static final long INTERVAL = 12_500_000; // 80 a second

	private long now = 1_000_000_000L;

	private final List<Runnable> timerTasks = new ArrayList<>();

	private final List<Duration> delays = new ArrayList<>();

	private final List<String> released = new ArrayList<>();

	private final SendThrottle throttle = new SendThrottle(80, 3, this::schedule, () -> this.now);

	@Test
	void firstSendGoesAtOnceAndTheNextWaitForTheirSlotsInOrder() {
		submit("a");
		submit("b");
		submit("c");

		assertThat(this.released).containsExactly("a");
		assertThat(this.throttle.waiting()).isEqualTo(2);
		assertThat(this.delays).containsExactly(Duration.ofNanos(INTERVAL));

		this.now += INTERVAL;
		runTimer();
		assertThat(this.released).containsExactly("a", "b");
		this.now += INTERVAL;
		runTimer();
		assertThat(this.released).containsExactly("a", "b", "c");
		assertThat(this.throttle.waiting()).isZero();
		assertThat(this.timerTasks).isEmpty();
	}

	@Test
	void aSendAfterAQuietSpellGoesAtOnce() {
		submit("a");
		this.now += 10 * INTERVAL;
		submit("b");

		assertThat(this.released).containsExactly("a", "b");
		assertThat(this.timerTasks).isEmpty();
	}

	@Test
	void aFullQueueRefusesTheNextSendAtOnce() {
		submit("a");
		submit("b");
		submit("c");
		submit("d");
		Request refused = submit("e");

		assertThat(refused.result).failsWithin(Duration.ZERO)
			.withThrowableOfType(java.util.concurrent.ExecutionException.class)
			.havingCause()
			.isInstanceOf(MezonSocketException.class)
			.withMessageContaining("3 requests already wait for the send throttle (80 a second)");
		assertThat(this.throttle.waiting()).isEqualTo(3);
	}

	@Test
	void aRequestThatTimedOutWhileWaitingLeavesWithoutUsingASlot() {
		submit("a");
		Request b = submit("b");
		submit("c");
		b.expire();

		this.now += INTERVAL;
		runTimer();

		assertThat(this.released).containsExactly("a", "c");
	}

	@Test
	void zeroRateLetsEverythingThrough() {
		SendThrottle off = new SendThrottle(0, 1, this::schedule, () -> this.now);
		for (int i = 0; i < 10; i++) {
			off.submit(request("x" + i), (r) -> this.released.add(r.operation));
		}
		assertThat(this.released).hasSize(10);
		assertThat(this.timerTasks).isEmpty();
	}

	private Request submit(String name) {
		Request request = request(name);
		this.throttle.submit(request, (r) -> this.released.add(r.operation));
		return request;
	}

	private static Request request(String name) {
		return new Request(Envelope.newBuilder().setPing(Ping.getDefaultInstance()).build(), name, Duration.ofSeconds(1));
	}

	private void runTimer() {
		List<Runnable> due = new ArrayList<>(this.timerTasks);
		this.timerTasks.clear();
		due.forEach(Runnable::run);
	}

	private Future<?> schedule(Runnable task, Duration delay) {
		this.timerTasks.add(task);
		this.delays.add(delay);
		return new CompletableFuture<>();
	}

}
