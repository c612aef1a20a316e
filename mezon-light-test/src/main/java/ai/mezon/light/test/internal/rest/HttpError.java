package ai.mezon.light.test.internal.rest;

/**
 * Ends a request with an HTTP error status and a JSON error body. The message is shown to the
 * client, so it never contains a token.
 */
public final class HttpError extends RuntimeException {

	private final int status;

	public HttpError(int status, String message) {
		super(message, null, false, false);
		this.status = status;
	}

	/** @return the HTTP status to answer */
	public int status() {
		return this.status;
	}

}
