package ai.mezon.light;

import org.jspecify.annotations.Nullable;

/**
 * Authentication with the gateway failed: the id token was refused, the server answered an error,
 * or its answer lacked one of {@code token, refresh_token, api_url, ws_url, user_id}.
 */
public class MezonAuthenticationException extends MezonException {

	private final int statusCode;

	/**
	 * @param message what failed, without secrets
	 * @param statusCode the HTTP status of the gateway's answer, or 0 when there was none
	 * @param cause the underlying failure, if any
	 */
	public MezonAuthenticationException(String message, int statusCode, @Nullable Throwable cause) {
		super(message, cause);
		this.statusCode = statusCode;
	}

	/**
	 * The HTTP status of the gateway's answer, or 0 when the failure was not an HTTP error (for
	 * example an answer missing required fields).
	 * @return the HTTP status code or 0
	 */
	public int getStatusCode() {
		return this.statusCode;
	}

}
