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
 */
public record ConnectOptions(@Nullable Consumer<Throwable> onError, @Nullable Runnable onDisconnect,
		boolean verbose) {

	/** @return no handlers, not verbose */
	public static ConnectOptions defaults() {
		return new ConnectOptions(null, null, false);
	}

	/**
	 * @param handler the error handler
	 * @return a copy with that handler
	 */
	public ConnectOptions withOnError(Consumer<Throwable> handler) {
		return new ConnectOptions(handler, this.onDisconnect, this.verbose);
	}

	/**
	 * @param handler the disconnect handler
	 * @return a copy with that handler
	 */
	public ConnectOptions withOnDisconnect(Runnable handler) {
		return new ConnectOptions(this.onError, handler, this.verbose);
	}

	/**
	 * @param verbose whether to log every frame's kind
	 * @return a copy with that flag
	 */
	public ConnectOptions withVerbose(boolean verbose) {
		return new ConnectOptions(this.onError, this.onDisconnect, verbose);
	}

}
