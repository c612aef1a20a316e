package ai.mezon.light;

import org.jspecify.annotations.Nullable;

/**
 * The session is missing, malformed (a token that is not a JWT with a numeric {@code exp}) or can
 * no longer be refreshed.
 */
public class MezonSessionException extends MezonException {

	public MezonSessionException(String message) {
		super(message);
	}

	public MezonSessionException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
