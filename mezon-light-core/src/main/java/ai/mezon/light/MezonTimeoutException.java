package ai.mezon.light;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A network operation (REST call, socket connect, request awaiting its reply) did not complete
 * within its timeout. The outcome on the server is unknown: a send that timed out may still have
 * been delivered.
 */
public class MezonTimeoutException extends MezonException {

	private final Duration timeout;

	public MezonTimeoutException(String operation, Duration timeout, @Nullable Throwable cause) {
		super(operation + " timed out after " + timeout.toMillis() + " ms", cause);
		this.timeout = timeout;
	}

	/**
	 * The timeout that elapsed.
	 * @return the timeout
	 */
	public Duration getTimeout() {
		return this.timeout;
	}

}
