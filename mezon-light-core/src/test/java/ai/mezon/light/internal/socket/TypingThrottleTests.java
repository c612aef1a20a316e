package ai.mezon.light.internal.socket;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TypingThrottleTests {

	private final AtomicLong now = new AtomicLong(1_000);

	private final TypingThrottle throttle = new TypingThrottle(Duration.ofSeconds(3), this.now::get);

	@Test
	void oneIndicatorPerChannelPerInterval() {
		assertThat(this.throttle.tryAcquire(1)).isNotNull();
		for (int i = 0; i < 100; i++) {
			assertThat(this.throttle.tryAcquire(1)).isNull();
		}
		assertThat(this.throttle.tryAcquire(2)).as("another channel").isNotNull();
		this.now.addAndGet(Duration.ofSeconds(3).toNanos() - 1);
		assertThat(this.throttle.tryAcquire(1)).isNull();
		this.now.incrementAndGet();
		assertThat(this.throttle.tryAcquire(1)).isNotNull();
	}

	@Test
	void failedIndicatorGivesItsSlotBack() {
		Long stamp = this.throttle.tryAcquire(1);
		assertThat(stamp).isNotNull();
		this.throttle.release(1, stamp);
		Long retry = this.throttle.tryAcquire(1);
		assertThat(retry).isNotNull();
		// Releasing a stale stamp does not free a slot a later indicator took.
		this.throttle.release(1, stamp - 1);
		assertThat(this.throttle.tryAcquire(1)).isNull();
	}

	@Test
	void zeroIntervalNeverLimits() {
		TypingThrottle unlimited = new TypingThrottle(Duration.ZERO, this.now::get);
		assertThat(unlimited.tryAcquire(1)).isNotNull();
		assertThat(unlimited.tryAcquire(1)).isNotNull();
	}

	@Test
	void forgetsChannelsWhoseIntervalPassed() {
		for (long channel = 1; channel <= 2000; channel++) {
			assertThat(this.throttle.tryAcquire(channel)).isNotNull();
		}
		this.now.addAndGet(Duration.ofSeconds(3).toNanos());
		assertThat(this.throttle.tryAcquire(5000)).isNotNull();
		assertThat(this.throttle.tryAcquire(1)).isNotNull();
	}

}
