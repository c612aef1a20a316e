package ai.mezon.light.autoconfigure;

import java.io.IOException;
import java.net.URI;

import org.jspecify.annotations.Nullable;

import ai.mezon.light.LightClient;
import ai.mezon.light.MezonAuthenticationException;
import ai.mezon.light.MezonException;
import ai.mezon.light.MezonTimeoutException;

/**
 * Signing in with the configured id token failed at start-up: the gateway could not be reached,
 * refused the token, did not answer in time, or answered something unusable. It carries the
 * gateway URL and {@link #getReason() why}, and the original failure as its cause; start-up
 * failure analysis turns it into a message naming the property to fix. Never holds a secret.
 */
public class MezonSignInException extends MezonException {

	private final String gatewayUrl;

	private final Reason reason;

	private final int statusCode;

	/**
	 * @param gatewayUrl the gateway signed in at (scheme, host and port)
	 * @param cause the failure of {@code LightClient.authenticate}
	 */
	public MezonSignInException(String gatewayUrl, MezonException cause) {
		this(safeUrl(gatewayUrl), reasonOf(cause), (cause instanceof MezonAuthenticationException auth)
				? auth.getStatusCode() : 0, cause);
	}

	private MezonSignInException(String gatewayUrl, Reason reason, int statusCode, MezonException cause) {
		super("Could not sign in to Mezon at " + gatewayUrl + ": " + describe(reason, statusCode, cause), cause);
		this.gatewayUrl = gatewayUrl;
		this.reason = reason;
		this.statusCode = statusCode;
	}

	/** @return the gateway URL (scheme, host and port) */
	public String getGatewayUrl() {
		return this.gatewayUrl;
	}

	/** @return why signing in failed */
	public Reason getReason() {
		return this.reason;
	}

	/** @return the HTTP status of the gateway's answer, or 0 when there was none */
	public int getStatusCode() {
		return this.statusCode;
	}

	/**
	 * The cause in one line: the innermost exception's type and message, e.g.
	 * {@code ConnectException: Connection refused}.
	 * @return the cause's summary
	 */
	public String getCauseSummary() {
		return summary(getCause());
	}

	private static Reason reasonOf(MezonException cause) {
		if (cause instanceof MezonTimeoutException) {
			return Reason.TIMEOUT;
		}
		if (cause instanceof MezonAuthenticationException auth) {
			int status = auth.getStatusCode();
			if (status == 401 || status == 403) {
				return Reason.REFUSED;
			}
			if (status != 0) {
				return Reason.ERROR_STATUS;
			}
			// Status 0: no HTTP answer when an I/O failure is underneath, else an unusable answer.
			return (auth.getCause() != null && innermost(auth) instanceof IOException) ? Reason.UNREACHABLE
					: Reason.BAD_ANSWER;
		}
		return Reason.BAD_ANSWER;
	}

	private static String describe(Reason reason, int statusCode, Throwable cause) {
		return switch (reason) {
			case UNREACHABLE -> "the gateway could not be reached (" + summary(cause) + ")";
			case TIMEOUT -> "the gateway did not answer in time (" + cause.getMessage() + ")";
			case REFUSED -> "the gateway refused the id token (HTTP " + statusCode + ")";
			case ERROR_STATUS -> "the gateway answered HTTP " + statusCode;
			case BAD_ANSWER -> cause.getMessage();
		};
	}

	private static String summary(@Nullable Throwable cause) {
		if (cause == null) {
			return "unknown";
		}
		Throwable root = innermost(cause);
		String message = root.getMessage();
		return root.getClass().getSimpleName() + ((message != null && !message.isBlank()) ? ": " + message : "");
	}

	private static Throwable innermost(Throwable ex) {
		Throwable current = ex;
		while (current.getCause() != null && current.getCause() != current) {
			current = current.getCause();
		}
		return current;
	}

	/** Scheme, host and port only: a URL with user info or a query must not end up in a log. */
	private static String safeUrl(String url) {
		try {
			URI uri = URI.create(url.trim());
			if (uri.getScheme() == null || uri.getHost() == null) {
				return url.trim();
			}
			return uri.getScheme() + "://" + uri.getHost() + ((uri.getPort() != -1) ? ":" + uri.getPort() : "");
		}
		catch (IllegalArgumentException ex) {
			return "(an invalid URL)";
		}
	}

	/** Why signing in failed. */
	public enum Reason {

		/** No connection to the gateway (refused, unknown host, closed, TLS failure). */
		UNREACHABLE,

		/** The gateway did not answer within the request timeout. */
		TIMEOUT,

		/** The gateway refused the id token (HTTP 401 or 403). */
		REFUSED,

		/** The gateway answered another HTTP error (e.g. 404: not a Mezon gateway; 5xx). */
		ERROR_STATUS,

		/** The gateway's answer could not be used (malformed, or lacking a field). */
		BAD_ANSWER

	}

}
