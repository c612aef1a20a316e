package ai.mezon.light;

import org.jspecify.annotations.Nullable;

/**
 * The real-time socket failed: it could not connect, was not connected when an operation needed
 * it, or the connection was lost while a request was pending.
 */
public class MezonSocketException extends MezonException {

	public MezonSocketException(String message) {
		super(message);
	}

	public MezonSocketException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
