package ai.mezon.light;

import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * Options of one {@link LightSocket#connect(ConnectOptions)} call, as in the TypeScript SDK:
 * an error handler, a disconnect handler and verbose logging.
 *
 * @param onError told of errors no caller is waiting for (see {@link SocketListener#onError}),
 * or {@code null}
 * @param onDisconnect told each time the link goes down (a loss, before reconnecting, and
 * {@code disconnect()}), or {@code null}
 * @param verbose whether to log every frame's kind at INFO (never its token or content)
 * @param retryFirstConnect whether a failed first connect is retried like a lost link (backoff,
 * state {@link ConnectionState#RECONNECTING}) instead of leaving the socket disconnected; the
 * returned future still fails with the first attempt's error. Needs {@link SocketOptions#reconnect()}.
 * For long-running services that must not give up when the server is down at start-up.
 */
public record ConnectOptions(@Nullable Consumer<Throwable> onError, @Nullable Runnable onDisconnect,
		boolean verbose, boolean retryFirstConnect) {

	/**
	 * Options that leave a failed first connect alone (the TypeScript SDK's behaviour).
	 * @param onError the error handler, or {@code null}
	 * @param onDisconnect the disconnect handler, or {@code null}
	 * @param verbose whether to log every frame's kind
	 */
	public ConnectOptions(@Nullable Consumer<Throwable> onError, @Nullable Runnable onDisconnect, boolean verbose) {
		this(onError, onDisconnect, verbose, false);
	}

	/** @return no handlers, not verbose, no retry of a failed first connect */
	public static ConnectOptions defaults() {
		return new ConnectOptions(null, null, false, false);
	}

	/**
	 * @param handler the error handler
	 * @return a copy with that handler
	 */
	public ConnectOptions withOnError(Consumer<Throwable> handler) {
		return new ConnectOptions(handler, this.onDisconnect, this.verbose, this.retryFirstConnect);
	}

	/**
	 * @param handler the disconnect handler
	 * @return a copy with that handler
	 */
	public ConnectOptions withOnDisconnect(Runnable handler) {
		return new ConnectOptions(this.onError, handler, this.verbose, this.retryFirstConnect);
	}

	/**
	 * @param verbose whether to log every frame's kind
	 * @return a copy with that flag
	 */
	public ConnectOptions withVerbose(boolean verbose) {
		return new ConnectOptions(this.onError, this.onDisconnect, verbose, this.retryFirstConnect);
	}

	/**
	 * @param retry whether a failed first connect is retried in the background
	 * @return a copy with that flag
	 */
	public ConnectOptions withRetryFirstConnect(boolean retry) {
		return new ConnectOptions(this.onError, this.onDisconnect, this.verbose, retry);
	}

}
