package ai.mezon.light.test.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The test server's clock: the system clock plus an offset tests can move forward, so token
 * expiry is tested without sleeping.
 */
public final class ServerClock extends Clock {

	private final Clock base;

	private final AtomicLong offsetNanos = new AtomicLong();

	public ServerClock(Clock base) {
		this.base = base;
	}

	/** @param amount how far to move time forward */
	public void advance(Duration amount) {
		this.offsetNanos.addAndGet(amount.toNanos());
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("The server clock is always UTC");
	}

	@Override
	public Instant instant() {
		return this.base.instant().plusNanos(this.offsetNanos.get());
	}

}
