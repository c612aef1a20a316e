package ai.mezon.light.internal.socket;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.jspecify.annotations.Nullable;

import ai.mezon.light.Secrets;

/**
 * Keeps tokens out of exceptions: transport exceptions may quote the socket URI, whose query
 * holds the access token.
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

}
