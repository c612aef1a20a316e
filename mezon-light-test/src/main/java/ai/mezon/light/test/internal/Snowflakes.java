package ai.mezon.light.test.internal;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Generates unique, increasing 64-bit ids shaped like Mezon's snowflakes (milliseconds since the
 * Mezon epoch in the high bits, a sequence in the low 22 bits). Lock-free.
 */
public final class Snowflakes {

	/** 2021-01-01T00:00:00Z, so ids look like real ones. */
	private static final long EPOCH_MILLIS = 1609459200000L;

	private final Clock clock;

	private final AtomicLong last = new AtomicLong();

	public Snowflakes(Clock clock) {
		this.clock = clock;
	}

	/** @return a new id, greater than every id returned before */
	public long next() {
		long candidate = (this.clock.millis() - EPOCH_MILLIS) << 22;
		return this.last.updateAndGet((previous) -> Math.max(previous + 1, candidate));
	}

}
