package ai.mezon.light.internal.socket;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BackoffTests {

	private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), 2.0);

	@Test
	void ceilingGrowsExponentiallyUpToTheMax() {
		assertThat(this.backoff.ceiling(0)).isEqualTo(Duration.ofMillis(100));
		assertThat(this.backoff.ceiling(1)).isEqualTo(Duration.ofMillis(200));
		assertThat(this.backoff.ceiling(4)).isEqualTo(Duration.ofMillis(1600));
		assertThat(this.backoff.ceiling(6)).isEqualTo(Duration.ofSeconds(5));
		assertThat(this.backoff.ceiling(10_000)).isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void fullJitterSpansZeroToTheCeiling() {
		assertThat(this.backoff.delay(3, () -> 0.0)).isEqualTo(Duration.ZERO);
		assertThat(this.backoff.delay(3, () -> 0.5)).isEqualTo(Duration.ofMillis(400));
		assertThat(this.backoff.delay(3, () -> 0.9999999)).isEqualTo(Duration.ofMillis(800));
		assertThat(this.backoff.delay(50, () -> 0.25)).isEqualTo(Duration.ofMillis(1250));
	}

	@Test
	void multiplierOfOneKeepsTheDelayFlat() {
		Backoff flat = new Backoff(Duration.ofMillis(300), Duration.ofSeconds(1), 1.0);
		assertThat(flat.ceiling(0)).isEqualTo(flat.ceiling(20));
	}

	@Test
	void rejectsNonsense() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 2));
		assertThatIllegalArgumentException().isThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(2), 0.5));
		assertThatIllegalArgumentException().isThrownBy(() -> new Backoff(Duration.ofMillis(-1), Duration.ofSeconds(2), 2));
	}

}
