package ai.mezon.light;

import org.jspecify.annotations.Nullable;

/**
 * Root of every exception this SDK throws. Messages never contain tokens, refresh tokens or id
 * tokens, so they are safe to log.
 */
public class MezonException extends RuntimeException {

	public MezonException(String message) {
		super(message);
	}

	public MezonException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
