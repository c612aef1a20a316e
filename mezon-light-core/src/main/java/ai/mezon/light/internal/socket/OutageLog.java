package ai.mezon.light.internal.socket;

import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which failed reconnect attempts of one outage are worth a WARN. With the default backoff (at
 * most 5 s, full jitter) a server that stays down for an hour means some 1,400 attempts: a WARN for
 * each buries everything else in the log. So attempts 1, 2, 4, 8, 16, 32 and 64 warn, then every
 * 64th (about every 2.5 minutes with the default backoff); the others are logged at DEBUG. Every
 * failure still reaches the error handler and the listeners, and the outage's count is reported
 * when the socket is back.
 */
final class OutageLog {

	/** The socket's logger: these lines belong with its other connection lines. */
	private static final Logger logger = LoggerFactory.getLogger(SocketConnection.class);

	private final AtomicInteger failures = new AtomicInteger();

	/**
	 * Counts and logs a failed reconnect attempt.
	 * @param reason why it failed (no token in it)
	 * @return the number of this failure in the current outage, from 1
	 */
	int failed(String reason) {
		int failure = this.failures.incrementAndGet();
		if (warns(failure)) {
			logger.warn("Socket reconnect attempt {} failed: {}", failure, reason);
		}
		else {
			logger.debug("Socket reconnect attempt {} failed: {}", failure, reason);
		}
		return failure;
	}

	/** @return whether the failure with this number should be a WARN */
	static boolean warns(int failure) {
		return (failure <= 64) ? Integer.bitCount(failure) == 1 : failure % 64 == 0;
	}

	/** Ends the outage. @return how many attempts failed in it */
	int recovered() {
		return this.failures.getAndSet(0);
	}

}
