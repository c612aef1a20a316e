package ai.mezon.light.test.internal.rest;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults injected into REST calls (gateway, API and uploads): answer the next requests with an
 * error status, or delay every answer (to make clients time out).
 */
public final class RestFaults {

	private final AtomicInteger failuresLeft = new AtomicInteger();

	private volatile int failureStatus = 500;

	private volatile Duration delay = Duration.ZERO;

	private volatile int emptyChannelListEvery;

	/**
	 * @param status the status to answer
	 * @param count how many of the next requests answer it
	 */
	public void failNext(int status, int count) {
		this.failureStatus = status;
		this.failuresLeft.set(count);
	}

	/** @param delay how long to hold every answer, {@link Duration#ZERO} for none */
	public void delay(Duration delay) {
		this.delay = delay;
	}

	/** Switches both faults off: no injected errors, no delay. */
	public void reset() {
		this.failuresLeft.set(0);
		this.delay = Duration.ZERO;
	}

	/**
	 * Makes {@code ListChannelDescs} put an empty entry (no {@code channel_id}) after every
	 * {@code every} channels, as some real server versions answer.
	 * @param every how many channels between empty entries, 0 for none
	 */
	public void emptyChannelListEntries(int every) {
		if (every < 0) {
			throw new IllegalArgumentException("every must not be negative");
		}
		this.emptyChannelListEvery = every;
	}

	/** @return how many channels between empty {@code ListChannelDescs} entries, 0 for none */
	int emptyChannelListEvery() {
		return this.emptyChannelListEvery;
	}

	/**
	 * Applies the faults to a request about to be handled.
	 * @throws HttpError when the request must fail
	 */
	void apply() {
		// Decided on arrival, before any delay: a request still held from an earlier test must not
		// take a failure injected after it arrived.
		boolean fail = this.failuresLeft.getAndUpdate((left) -> Math.max(0, left - 1)) > 0;
		Duration hold = this.delay;
		if (!hold.isZero()) {
			try {
				Thread.sleep(hold.toMillis());
			}
			catch (InterruptedException ex) {
				// Tomcat interrupts workers when it stops: give up the delay.
				Thread.currentThread().interrupt();
				throw new HttpError(503, "server stopping");
			}
		}
		if (fail) {
			throw new HttpError(this.failureStatus, "injected fault");
		}
	}

}
