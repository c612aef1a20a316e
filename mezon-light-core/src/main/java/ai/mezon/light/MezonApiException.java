package ai.mezon.light;

import org.jspecify.annotations.Nullable;

/**
 * A REST call answered with a non-2xx status, or its answer could not be read.
 */
public class MezonApiException extends MezonException {

	private final String call;

	private final int statusCode;

	/**
	 * @param call the API call, e.g. {@code CreateChannelDesc}
	 * @param statusCode the HTTP status, or 0 when the failure happened before a status was seen
	 * @param message what failed, without secrets
	 * @param cause the underlying failure, if any
	 */
	public MezonApiException(String call, int statusCode, String message, @Nullable Throwable cause) {
		super(message, cause);
		this.call = call;
		this.statusCode = statusCode;
	}

	/**
	 * The API call that failed, e.g. {@code CreateChannelDesc}.
	 * @return the call name
	 */
	public String getCall() {
		return this.call;
	}

	/**
	 * The HTTP status, or 0 when none was received.
	 * @return the status code
	 */
	public int getStatusCode() {
		return this.statusCode;
	}

}
