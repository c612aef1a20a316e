package ai.mezon.light.internal.socket;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The reconnect schedule with time run by hand: delays, the attempt limit, the refresh owed. */
class ReconnectorTests {

	private final Object lock = new Object();

	private final List<Scheduled> scheduled = new ArrayList<>();

	private final Reconnector reconnector = new Reconnector(this.lock,
			new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), 2.0), 3, () -> 0.5, this::schedule);

	@Test
	void spacesAttemptsWithBackoffAndReplacesTheScheduledOne() {
		synchronized (this.lock) {
			Instant before = Instant.now();
			assertThat(this.reconnector.schedule(() -> { })).isTrue();
			assertThat(this.reconnector.schedule(() -> { })).isTrue();
			assertThat(this.scheduled).extracting(Scheduled::delay)
				.containsExactly(Duration.ofMillis(50), Duration.ofMillis(100));
			assertThat(this.scheduled.get(0).task().isCancelled()).isTrue();
			assertThat(this.scheduled.get(1).task().isCancelled()).isFalse();
			assertThat(this.reconnector.attempts()).isEqualTo(2);
			assertThat(this.reconnector.nextAttemptAt()).isAfterOrEqualTo(before.plusMillis(100));
		}
	}

	@Test
	void saysWhenToGiveUpAndStartsAgainAfterAReset() {
		synchronized (this.lock) {
			for (int i = 0; i < 3; i++) {
				assertThat(this.reconnector.schedule(() -> { })).isTrue();
			}
			assertThat(this.reconnector.schedule(() -> { })).isFalse();
			assertThat(this.scheduled).hasSize(3);
			assertThat(this.reconnector.attempts()).isEqualTo(3);
			this.reconnector.resetAttempts();
			assertThat(this.reconnector.schedule(() -> { })).isTrue();
			assertThat(this.scheduled.get(3).delay()).isEqualTo(Duration.ofMillis(50));
		}
	}

	@Test
	void cancelLeavesTheDueTimeUntilNoneIsDue() {
		synchronized (this.lock) {
			this.reconnector.schedule(() -> { });
			this.reconnector.cancel();
			assertThat(this.scheduled.get(0).task().isCancelled()).isTrue();
			assertThat(this.reconnector.nextAttemptAt()).isNotNull();
			this.reconnector.noneDue();
			assertThat(this.reconnector.nextAttemptAt()).isNull();
		}
	}

	@Test
	void remembersARefreshOwedUntilDoneOrReset() {
		synchronized (this.lock) {
			assertThat(this.reconnector.mustRefresh()).isFalse();
			this.reconnector.refreshFirst();
			this.reconnector.resetAttempts();
			assertThat(this.reconnector.mustRefresh()).isTrue();
			this.reconnector.refreshed();
			assertThat(this.reconnector.mustRefresh()).isFalse();
			this.reconnector.refreshFirst();
			this.reconnector.reset();
			assertThat(this.reconnector.mustRefresh()).isFalse();
		}
	}

	@Test
	void insistsOnTheSupervisorsLock() {
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> this.reconnector.schedule(() -> { }));
	}

	private CompletableFuture<?> schedule(Runnable task, Duration delay) {
		CompletableFuture<?> future = new CompletableFuture<>();
		this.scheduled.add(new Scheduled(delay, future));
		return future;
	}

	private record Scheduled(Duration delay, CompletableFuture<?> task) {
	}

}
