package ai.mezon.light.internal.socket;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;

import ai.mezon.light.MezonException;
import ai.mezon.light.MezonSocketException;
import ai.mezon.light.MezonTimeoutException;
import ai.mezon.light.Secrets;

/**
 * What the socket's failures are, and how they are told: the typed error of a connect that failed,
 * of a request whose link was lost, a refused connection; and never a token in any of them
 * (transport exceptions may quote the socket URI, whose query holds the access token).
 */
final class SocketErrors {

	private SocketErrors() {
	}

	/** @return the cause behind completion wrappers */
	static Throwable unwrap(Throwable ex) {
		Throwable current = ex;
		while ((current instanceof CompletionException || current instanceof ExecutionException)
				&& current.getCause() != null) {
			current = current.getCause();
		}
		return current;
	}

	/** @return a one-line description of the root cause, any token masked */
	static String describe(Throwable ex) {
		for (Throwable t = ex; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
			if (t instanceof java.net.ConnectException) {
				// The JDK client's refusal often has no message (and a ClosedChannelException behind it).
				return "connection refused (" + ((t.getMessage() != null) ? Secrets.maskUrl(t.getMessage()) : "ConnectException")
						+ ")";
			}
		}
		Throwable root = unwrap(ex);
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String text = (root.getMessage() != null) ? root.getClass().getSimpleName() + ": " + root.getMessage()
				: root.getClass().getSimpleName();
		return Secrets.maskUrl(text);
	}

	/** @return the exception when no message in its chain mentions a token, else {@code null} */
	static @Nullable Throwable safeCause(Throwable ex) {
		for (Throwable t = ex; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
			String message = t.getMessage();
			if (message != null && message.contains("token=")) {
				return null;
			}
		}
		return ex;
	}

	/** @return whether a handshake failure says the server answered HTTP 401 */
	static boolean isUnauthorized(Throwable ex) {
		for (Throwable t = ex; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
			String message = t.getMessage();
			if (message != null && (message.contains("[401]") || message.contains(" 401 "))) {
				return true;
			}
		}
		return false;
	}

	/** @return the typed error for a link that did not open */
	static MezonException connectError(@Nullable String where, Throwable cause, Duration connectTimeout) {
		if (cause instanceof MezonException mezon) {
			return mezon;
		}
		String what = "Socket connect" + ((where != null) ? " to " + where : "");
		if (cause instanceof TimeoutException || cause instanceof HttpTimeoutException) {
			return new MezonTimeoutException(what, connectTimeout, null);
		}
		int status = Link.handshakeStatus(cause);
		String why = (status > 0) ? "the server answered the handshake with HTTP " + status : describe(cause);
		return new MezonSocketException(what + " failed: " + why, safeCause(cause));
	}

	/** @return the URI without its query, which holds the token: what log lines and errors name */
	static String withoutQuery(URI uri) {
		String text = uri.toString();
		int query = text.indexOf('?');
		return (query >= 0) ? text.substring(0, query) : text;
	}

	/** @return whether the connection itself was refused (nothing listens there) */
	static boolean isRefused(Throwable cause) {
		for (Throwable t = cause; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
			if (t instanceof ConnectException) {
				return true;
			}
		}
		return false;
	}

	/** @return the failure of a request whose link was lost before its answer came */
	static MezonSocketException lostException(String operation) {
		return new MezonSocketException(operation
				+ " failed: the connection was lost before the server answered (the outcome is unknown)");
	}

}
