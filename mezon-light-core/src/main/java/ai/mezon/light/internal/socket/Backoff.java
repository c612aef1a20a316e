package ai.mezon.light.internal.socket;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter: the delay before attempt {@code n} (0-based) is uniform in
 * {@code [0, min(max, initial * multiplier^n)]}. Full jitter spreads the reconnects of many clients
 * after a server restart instead of having them arrive in waves. Immutable.
 *
 * @param initial the cap of the first delay
 * @param max the cap of every delay
 * @param multiplier how much the cap grows per attempt (at least 1)
 */
public record Backoff(Duration initial, Duration max, double multiplier) {

	public Backoff {
		if (initial.isNegative() || max.compareTo(initial) < 0 || multiplier < 1.0) {
			throw new IllegalArgumentException("Invalid backoff: initial " + initial + ", max " + max
					+ ", multiplier " + multiplier);
		}
	}

	/**
	 * The cap of the delay before an attempt, without jitter.
	 * @param attempt the 0-based attempt number
	 * @return {@code min(max, initial * multiplier^attempt)}
	 */
	public Duration ceiling(int attempt) {
		double millis = this.initial.toMillis() * Math.pow(this.multiplier, Math.max(0, attempt));
		if (Double.isInfinite(millis) || millis >= this.max.toMillis()) {
			return this.max;
		}
		return Duration.ofMillis((long) millis);
	}

	/**
	 * The jittered delay before an attempt.
	 * @param attempt the 0-based attempt number
	 * @param random uniform values in {@code [0, 1)}
	 * @return a delay in {@code [0, ceiling(attempt)]}
	 */
	public Duration delay(int attempt, DoubleSupplier random) {
		return Duration.ofMillis(Math.round(ceiling(attempt).toMillis() * random.getAsDouble()));
	}

}
