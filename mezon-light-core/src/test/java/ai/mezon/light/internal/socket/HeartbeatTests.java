package ai.mezon.light.internal.socket;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import ai.mezon.light.MezonServerErrorException;
import ai.mezon.light.MezonSocketException;
import ai.mezon.light.MezonTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The heartbeat with time run by hand: a fake timer, a fake clock set relative to the link's
 * last frame, and a fake supervisor answering (or not) the pings.
 */
class HeartbeatTests {

	private static final Duration INTERVAL = Duration.ofSeconds(1);

	private final List<Runnable> ticks = new ArrayList<>();

	private final FakeHost host = new FakeHost();

	private long now;

	private final Heartbeat heartbeat = new Heartbeat(INTERVAL, this.host, this::schedule, () -> this.now);

	// The owner is only called from connection callbacks, which these tests never make.
	private final Link link = new Link(1, null, null, 1024, () -> true);

	@Test
	void silenceAfterAPingIsADeadLink() {
		assertThat(Heartbeat.looksDead(false, 100, 100)).isTrue();
		assertThat(Heartbeat.looksDead(false, 100, 99)).isTrue();
		assertThat(Heartbeat.looksDead(false, 100, 101)).isFalse();
		// Nano times may wrap: a frame just after a ping sent at the end of the range still counts.
		assertThat(Heartbeat.looksDead(false, Long.MAX_VALUE, Long.MIN_VALUE)).isFalse();
	}

	@Test
	void aReadPauseWeCausedIsNotSilence() {
		assertThat(Heartbeat.looksDead(true, 100, 50)).isFalse();
	}

	@Test
	void anAnsweredPingArmsTheNextOne() {
		this.heartbeat.start(this.link);
		tick();
		assertThat(this.host.pings).hasSize(1);
		this.host.pings.get(0).complete(null);
		assertThat(this.ticks).hasSize(1);
		tick();
		assertThat(this.host.pings).hasSize(2);
	}

	@Test
	void aServerErrorIsAnAnswerToo() {
		this.heartbeat.start(this.link);
		tick();
		this.host.pings.get(0).completeExceptionally(new MezonServerErrorException("Ping", 3, "no"));
		assertThat(this.ticks).hasSize(1);
		assertThat(this.host.lost).isEmpty();
	}

	@Test
	void anUnansweredPingWithNothingElseReceivedLosesTheLink() {
		this.heartbeat.start(this.link);
		this.now = this.link.lastFrameNanos() + 1_000_000;
		tick();
		this.host.pings.get(0).completeExceptionally(new MezonTimeoutException("Ping", INTERVAL, null));
		assertThat(this.host.errors).singleElement().isInstanceOf(MezonSocketException.class)
			.extracting(Throwable::getMessage).asString().contains("No pong within 1000 ms");
		assertThat(this.host.lost).containsExactly(this.link);
		assertThat(this.host.lostCause).isInstanceOf(MezonTimeoutException.class);
		assertThat(this.ticks).isEmpty();
	}

	@Test
	void anUnansweredPingWithFramesReceivedMeanwhileIsNotDeath() {
		this.heartbeat.start(this.link);
		this.now = this.link.lastFrameNanos() - 1_000_000;
		tick();
		this.host.pings.get(0).completeExceptionally(new MezonTimeoutException("Ping", INTERVAL, null));
		assertThat(this.host.lost).isEmpty();
		assertThat(this.ticks).hasSize(1);
	}

	@Test
	void anUnansweredPingWhileWePausedReadingIsNotDeath() {
		this.heartbeat.start(this.link);
		this.now = this.link.lastFrameNanos() + 1_000_000;
		tick();
		this.host.paused = true;
		this.host.pings.get(0).completeExceptionally(new MezonTimeoutException("Ping", INTERVAL, null));
		assertThat(this.host.lost).isEmpty();
		assertThat(this.ticks).hasSize(1);
	}

	@Test
	void noPingWhileReadingIsPausedButTheBeatGoesOn() {
		this.host.paused = true;
		this.heartbeat.start(this.link);
		tick();
		assertThat(this.host.pings).isEmpty();
		assertThat(this.ticks).hasSize(1);
	}

	@Test
	void theBeatStopsWithTheLink() {
		this.heartbeat.start(this.link);
		this.host.current = false;
		tick();
		assertThat(this.host.pings).isEmpty();
		assertThat(this.ticks).isEmpty();

		this.host.current = true;
		this.heartbeat.start(this.link);
		tick();
		this.host.pings.get(0).completeExceptionally(SocketErrors.lostException("Ping"));
		assertThat(this.ticks).isEmpty();
		assertThat(this.host.lost).isEmpty();

		this.link.markClosed();
		this.heartbeat.start(this.link);
		assertThat(this.ticks).isEmpty();
	}

	private CompletableFuture<?> schedule(Runnable task, Duration delay) {
		assertThat(delay).isEqualTo(INTERVAL);
		this.ticks.add(task);
		return new CompletableFuture<>();
	}

	private void tick() {
		assertThat(this.ticks).hasSize(1);
		this.ticks.remove(0).run();
	}

	private static final class FakeHost implements Heartbeat.Host {

		final List<CompletableFuture<Void>> pings = new ArrayList<>();

		final List<Throwable> errors = new ArrayList<>();

		final List<Link> lost = new ArrayList<>();

		@Nullable Throwable lostCause;

		volatile boolean current = true;

		volatile boolean paused;

		@Override
		public boolean isCurrent(Link link) {
			return this.current;
		}

		@Override
		public boolean isReadingPaused() {
			return this.paused;
		}

		@Override
		public CompletableFuture<?> ping(Link link, Duration timeout) {
			assertThat(timeout).isEqualTo(INTERVAL);
			CompletableFuture<Void> pong = new CompletableFuture<>();
			this.pings.add(pong);
			return pong;
		}

		@Override
		public void reportError(Throwable error) {
			this.errors.add(error);
		}

		@Override
		public void linkLost(Link link, @Nullable Throwable cause) {
			this.lost.add(link);
			this.lostCause = cause;
		}

	}

}
