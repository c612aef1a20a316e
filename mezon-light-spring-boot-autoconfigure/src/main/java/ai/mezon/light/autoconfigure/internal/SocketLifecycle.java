package ai.mezon.light.autoconfigure.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import ai.mezon.light.ConnectOptions;
import ai.mezon.light.ConnectionState;
import ai.mezon.light.LightSocket;
import ai.mezon.light.MezonSessionException;
import ai.mezon.light.SocketListener;
import ai.mezon.light.Subscription;

/**
 * Connects the auto-configured socket when the application starts, joins the configured
 * channels, and disconnects it gracefully on shutdown.
 *
 * <p>Start-up never hangs and never fails because of Mezon: it waits at most the connect
 * timeout (plus the request timeout for the joins). When the first connect fails (server down,
 * handshake refused) it logs a WARN and goes on; the socket keeps trying with its reconnect
 * backoff ({@link ConnectOptions#retryFirstConnect()}), and the configured channels are joined
 * once it is up. Health reports DOWN meanwhile.
 *
 * <p>While running it holds a {@link KeepAlive} non-daemon thread, so an application without a web
 * server (whose other threads, the socket's included, are daemons) stays up until the context
 * closes, as with Spring Kafka's listener containers. It is started before connecting (a first
 * connect that fails still leaves the socket trying) and released in {@link #stop()}.
 *
 * <p>Runs in {@link #PHASE}, after the session refresher, so the socket starts with a live token
 * and stops before the refresher. Also logs socket errors nobody waits for (their messages never
 * hold a token) and, when the socket could not refresh the session before reconnecting, asks the
 * refresher to deal with it (re-authenticating with the id token when the refresh token is dead).
 */
public final class SocketLifecycle implements SmartLifecycle {

	/** The lifecycle phase: after {@link SessionRefresher#PHASE}. */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 1024;

	private static final Logger logger = LoggerFactory.getLogger(SocketLifecycle.class);

	private final LightSocket socket;

	private final List<String> dmChannels;

	private final List<String> groupChannels;

	private final Duration connectTimeout;

	private final Duration requestTimeout;

	private final @Nullable SessionRefresher refresher;

	private final Object monitor = new Object();

	private final KeepAlive keepAlive = new KeepAlive();

	private @Nullable Subscription subscription;

	private volatile boolean running;

	/**
	 * @param socket the socket
	 * @param dmChannels DM channel ids to join
	 * @param groupChannels group channel ids to join
	 * @param connectTimeout the socket's connect timeout (start waits this long at most)
	 * @param requestTimeout the socket's request timeout (start waits this long for the joins)
	 * @param refresher the session refresher, or {@code null} when refresh is disabled
	 */
	public SocketLifecycle(LightSocket socket, List<String> dmChannels, List<String> groupChannels,
			Duration connectTimeout, Duration requestTimeout, @Nullable SessionRefresher refresher) {
		this.socket = socket;
		this.dmChannels = List.copyOf(dmChannels);
		this.groupChannels = List.copyOf(groupChannels);
		this.connectTimeout = connectTimeout;
		this.requestTimeout = requestTimeout;
		this.refresher = refresher;
	}

	@Override
	public void start() {
		synchronized (this.monitor) {
			if (this.running) {
				return;
			}
			this.subscription = this.socket.addListener(new Watcher());
			this.running = true;
			this.keepAlive.start();
		}
		CompletableFuture<Void> connect = this.socket
			.connect(ConnectOptions.defaults().withRetryFirstConnect(true));
		// A little beyond the socket's own timeout, which fails the future first.
		if (await(connect, this.connectTimeout.plusSeconds(1), "connecting")) {
			logger.info("Mezon socket connected as user {}", this.socket.getClient().userId());
			await(joinConfiguredChannels(), this.requestTimeout.plusSeconds(1), "joining the configured channels");
		}
	}

	@Override
	public void stop() {
		Subscription current;
		synchronized (this.monitor) {
			if (!this.running) {
				return;
			}
			this.running = false;
			current = this.subscription;
			this.subscription = null;
			this.keepAlive.stop();
		}
		if (current != null) {
			current.close();
		}
		// Fails pending requests at once and closes the link with a normal closure.
		this.socket.disconnect();
		logger.debug("Mezon socket disconnected");
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	/** Joins the configured channels not joined yet; failures are logged, not thrown. */
	private CompletableFuture<Void> joinConfiguredChannels() {
		Set<String> joined = this.socket.getJoinedChannels();
		List<CompletableFuture<Void>> joins = new ArrayList<>();
		for (String id : this.dmChannels) {
			if (!joined.contains(id)) {
				joins.add(logFailure(this.socket.joinDMChannel(id), "DM", id));
			}
		}
		for (String id : this.groupChannels) {
			if (!joined.contains(id)) {
				joins.add(logFailure(this.socket.joinGroupChannel(id), "group", id));
			}
		}
		return CompletableFuture.allOf(joins.toArray(CompletableFuture[]::new));
	}

	private static CompletableFuture<Void> logFailure(CompletableFuture<Void> join, String kind, String id) {
		return join.handle((ignored, ex) -> {
			if (ex != null) {
				logger.warn("Could not join Mezon {} channel {}: {}", kind, id, describe(ex));
			}
			return null;
		});
	}

	/** @return whether the future completed normally within the timeout */
	private static boolean await(CompletableFuture<Void> future, Duration timeout, String what) {
		try {
			future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (ExecutionException | TimeoutException ex) {
			logger.warn("Mezon socket failed {} ({}); the application starts anyway and the socket keeps "
					+ "trying in the background", what, describe(ex));
			return false;
		}
	}

	private static String describe(Throwable ex) {
		Throwable cause = (ex instanceof ExecutionException || ex instanceof java.util.concurrent.CompletionException)
				&& ex.getCause() != null ? ex.getCause() : ex;
		return (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
	}

	private static boolean causedBySession(Throwable error) {
		for (Throwable t = error; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
			if (t instanceof MezonSessionException) {
				return true;
			}
		}
		return false;
	}

	/** Reacts to the socket: late joins, error logging, session trouble. */
	private final class Watcher implements SocketListener {

		@Override
		public void onConnectionStateChanged(ConnectionState previous, ConnectionState current) {
			// After a failed first connect (or a join that failed meanwhile): join what is missing.
			// Channels joined before are rejoined by the socket itself before it reports CONNECTED.
			if (current == ConnectionState.CONNECTED && previous == ConnectionState.RECONNECTING && isRunning()) {
				joinConfiguredChannels();
			}
		}

		@Override
		public void onError(Throwable error) {
			// Messages of socket errors never hold a token (LightSocket's contract).
			logger.warn("Mezon socket: {}", error.getMessage());
			SessionRefresher current = SocketLifecycle.this.refresher;
			if (current != null && causedBySession(error)) {
				current.refreshSoon();
			}
		}

	}

}
