package ai.mezon.light.internal.socket;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.mezon.light.ConnectOptions;
import ai.mezon.light.ConnectionState;
import ai.mezon.light.MezonException;
import ai.mezon.light.MezonSessionException;
import ai.mezon.light.MezonSocketException;
import ai.mezon.light.Secrets;
import ai.mezon.light.SocketOptions;
import ai.mezon.light.proto.realtime.Envelope;

/**
 * The connection's state machine: one current {@link Link}, the requests waiting for one, and
 * the way back after a loss (reconnect with backoff, refreshing the session or signing in again
 * when the server no longer accepts the token or the hosts are gone).
 *
 * <pre>
 * DISCONNECTED --connect()--> CONNECTING --link open--> CONNECTED
 * CONNECTING --open failed--> DISCONNECTED, or RECONNECTING when the first connect is retried
 * CONNECTED --link lost--> RECONNECTING --link open, channels rejoined--> CONNECTED
 * RECONNECTING --attempts used up, or no way to sign in--> DISCONNECTED
 * any --disconnect()--> DISCONNECTED
 * </pre>
 *
 * Every transition happens under {@code lock} and only enqueues work; every exception path of
 * an attempt (a URL the client refuses, a refused or timed-out connection, a refused handshake, a
 * failed refresh or sign-in) ends in a state above, never half-way.
 *
 * <p>Recovery (PROTOCOL.md §4, "Closing"): a handshake answered 401 or 403, a close with code
 * 1008 or 4000-4999, or {@value #REFUSALS_BEFORE_REFRESH} refused connections in a row mean the
 * session is no longer accepted there: the next attempt refreshes it first and, if that fails,
 * signs in again at the gateway at once, taking the URLs from its answer. The backoff starts
 * again only once a link has stayed up for one heartbeat interval, so a server that accepts and
 * closes at once is not retried in a tight loop.
 *
 * <p>Threads: link events arrive on the link's reading thread (or a writer's); attempts run on the
 * pool, as they may call the REST API; deadlines and the backoff delay fire on the shared timer,
 * which only hands work on. Nothing here runs user code: listeners are called through
 * {@link SocketListeners}, which queues them on the dispatcher.
 */
final class SocketConnection implements Link.Ends {

	private static final Logger logger = LoggerFactory.getLogger(SocketConnection.class);

	/** Connections refused in a row before the hosts are suspected gone and the session is renewed. */
	static final int REFUSALS_BEFORE_REFRESH = 3;

	private final SessionAccess session;

	private final SocketOptions options;

	private final Executor pool;

	private final SocketListeners listeners;

	private final Link.Receiver frames;

	private final ReadFlow flow;

	private final Reconnector reconnector;

	private final Heartbeat heartbeat;

	private final SocketTimer.Scheduler timer;

	private final Deadlines deadlines;

	/** Counts an outage's failed attempts, so that a long one does not flood the log. */
	private final OutageLog outage = new OutageLog();

	private final AtomicInteger linkIds = new AtomicInteger();

	private final AtomicLong reconnects = new AtomicLong();

	private final Object lock = new Object();

	/** Joins the channels to be in once a link is up; set once while wiring. */
	private volatile LinkUp linkUp = LinkUp.NONE;

	/** Stops deliveries queued before a disconnect; set once while wiring. */
	private volatile Runnable fence = () -> {
	};

	/** Forgets the channels joined when the socket stops (disconnect or give-up); non-blocking. */
	private volatile Runnable onStopped = () -> {
	};

	private volatile boolean retryFirstConnect;

	/** Why the link last went down or failed to come up, for health reporting. */
	private volatile @Nullable Throwable lastConnectionError;

	/** The server's last close, e.g. "4401 token revoked", for health reporting. */
	private volatile @Nullable String lastClose;

	// Guarded by lock.

	private ConnectionState state = ConnectionState.DISCONNECTED;

	private @Nullable Link link;

	private @Nullable Link opening;

	private @Nullable CompletableFuture<Void> connecting;

	private final List<Request> waiting = new ArrayList<>();

	private int refusals;

	SocketConnection(SessionAccess session, SocketOptions options, Executor pool, SocketListeners listeners,
			Link.Receiver frames, ReadFlow flow, Reconnector.Factory reconnector, SocketTimer.Scheduler timer,
			Deadlines deadlines) {
		this.session = session;
		this.options = options;
		this.pool = pool;
		this.listeners = listeners;
		this.frames = frames;
		this.flow = flow;
		this.timer = timer;
		this.deadlines = deadlines;
		this.reconnector = reconnector.create(this.lock);
		this.heartbeat = new Heartbeat(options.heartbeatInterval(), new HeartbeatHost(), timer, System::nanoTime);
	}

	void setLinkUp(LinkUp linkUp) {
		this.linkUp = linkUp;
	}

	void setFence(Runnable fence) {
		this.fence = fence;
	}

	void setOnStopped(Runnable onStopped) {
		this.onStopped = onStopped;
	}

	// Lifecycle

	CompletableFuture<Void> connect(ConnectOptions connectOptions) {
		CompletableFuture<Void> result;
		synchronized (this.lock) {
			if (this.state != ConnectionState.DISCONNECTED) {
				return CompletableFuture.failedFuture(
						new MezonSocketException("Socket is already connected. Call disconnect() first."));
			}
			this.listeners.setErrorHandler(connectOptions.onError());
			this.listeners.setDisconnectHandler(connectOptions.onDisconnect());
			this.retryFirstConnect = connectOptions.retryFirstConnect();
			this.reconnector.reset();
			this.refusals = 0;
			this.outage.recovered();
			result = new CompletableFuture<>();
			this.connecting = result;
			setState(ConnectionState.CONNECTING);
		}
		openLink();
		return result;
	}

	void disconnect() {
		Link current;
		Link pendingOpen;
		List<Request> abandoned;
		CompletableFuture<Void> connectFuture;
		synchronized (this.lock) {
			if (this.state == ConnectionState.DISCONNECTED) {
				return;
			}
			setState(ConnectionState.DISCONNECTED);
			current = this.link;
			pendingOpen = this.opening;
			this.link = null;
			this.opening = null;
			this.reconnector.cancel();
			abandoned = drainWaiting();
			connectFuture = this.connecting;
			this.connecting = null;
		}
		// Outside the lock: it waits for deliveries in progress, whose handlers may call us.
		this.fence.run();
		MezonSocketException disconnected = new MezonSocketException("Socket disconnected by disconnect()");
		if (connectFuture != null) {
			connectFuture.completeExceptionally(disconnected);
		}
		abandoned.forEach((request) -> request.fail(disconnected));
		for (Link l : new Link[] { current, pendingOpen }) {
			if (l != null) {
				l.markClosed();
				l.pending().closeAll().forEach((request) -> request.fail(disconnected));
				l.close(1000, "disconnect");
			}
		}
		this.onStopped.run();
		this.listeners.disconnected();
	}

	ConnectionState state() {
		synchronized (this.lock) {
			return this.state;
		}
	}

	// Requests

	/**
	 * Sends a request now when the link is up, or queues it until the link is up (within its
	 * deadline) while connecting or reconnecting.
	 * @param request a request whose deadline is already running
	 */
	void submit(Request request) {
		Link target = null;
		synchronized (this.lock) {
			switch (this.state) {
				case CONNECTED -> target = this.link;
				case CONNECTING, RECONNECTING -> this.waiting.add(request);
				case DISCONNECTED -> request.fail(new MezonSocketException(
						request.operation + " failed: the socket is not connected. Call connect() first."));
			}
		}
		if (target != null) {
			send(target, request);
		}
	}

	/** Sends on a given link, skipping the state check (rejoin and heartbeat). */
	CompletableFuture<Envelope> requestOn(Link target, Envelope body, String operation, Duration timeout) {
		Request request = Request.start(body, operation, timeout, this.deadlines);
		send(target, request);
		return request.result;
	}

	/** A request that timed out while waiting for a link is forgotten. */
	void forgetWaiting(Request request) {
		synchronized (this.lock) {
			this.waiting.remove(request);
		}
	}

	private void send(Link target, Request request) {
		int cid = target.pending().register(request);
		if (cid == 0 || request.isDone()) {
			target.pending().forget(request);
			request.fail(SocketErrors.lostException(request.operation));
			return;
		}
		target.write(EnvelopeCodec.encode(request.body, cid, this.options.legacyCid()));
	}

	// Link events

	private void openLink() {
		Link candidate = new Link(this.linkIds.incrementAndGet(), this.frames, this, this.options.maxFrameSize(),
				this.flow::mayRead);
		URI uri;
		try {
			uri = this.session.socketUri();
		}
		catch (RuntimeException ex) {
			openFailed(null, null, ex);
			return;
		}
		synchronized (this.lock) {
			if (this.state == ConnectionState.DISCONNECTED || this.state == ConnectionState.CONNECTED) {
				return;
			}
			this.opening = candidate;
		}
		String where = SocketErrors.withoutQuery(uri);
		logger.debug("Opening socket link {} to {}", candidate.id, where);
		Duration timeout = this.options.connectTimeout();
		candidate.open(uri, timeout)
			// The client's own timeout covers the handshake too; this one is a safety net.
			.orTimeout(timeout.toMillis() + 1000, java.util.concurrent.TimeUnit.MILLISECONDS)
			.whenComplete((opened, ex) -> {
				if (ex != null) {
					openFailed(candidate, where, SocketErrors.unwrap(ex));
				}
				else {
					linkOpened(candidate);
				}
			});
	}

	private void linkOpened(Link candidate) {
		boolean initial;
		CompletableFuture<Void> connectFuture = null;
		List<Request> queued = List.of();
		synchronized (this.lock) {
			if (this.opening != candidate) {
				// Timed out, superseded, or disconnect() was called meanwhile.
				candidate.close(1001, "abandoned");
				return;
			}
			this.opening = null;
			this.link = candidate;
			this.refusals = 0;
			initial = (this.state == ConnectionState.CONNECTING);
			if (initial) {
				setState(ConnectionState.CONNECTED);
				queued = drainWaiting();
				connectFuture = this.connecting;
				this.connecting = null;
			}
		}
		this.flow.setCurrent(candidate);
		candidate.startReading();
		logger.debug("Socket link {} open", candidate.id);
		this.heartbeat.start(candidate);
		if (initial) {
			queued.forEach((request) -> send(candidate, request));
			if (connectFuture != null) {
				connectFuture.complete(null);
			}
			this.linkUp.linkUp(candidate, true);
			whenStable(candidate);
		}
		else {
			this.reconnects.incrementAndGet();
			this.linkUp.linkUp(candidate, false).whenComplete((joined, ex) -> reconnected(candidate, joined));
		}
	}

	private void reconnected(Link candidate, @Nullable Integer joined) {
		List<Request> queued;
		synchronized (this.lock) {
			if (this.link != candidate || this.state != ConnectionState.RECONNECTING) {
				return;
			}
			setState(ConnectionState.CONNECTED);
			queued = drainWaiting();
		}
		int failed = this.outage.recovered();
		logger.info("Socket reconnected{}; {} channel(s) rejoined",
				(failed > 0) ? " after " + failed + " failed attempt(s)" : "", (joined != null) ? joined : 0);
		queued.forEach((request) -> send(candidate, request));
		whenStable(candidate);
	}

	/** The backoff starts again only once the link has stayed up for a heartbeat interval. */
	private void whenStable(Link candidate) {
		this.timer.schedule(() -> {
			synchronized (this.lock) {
				if (this.link == candidate && this.state == ConnectionState.CONNECTED) {
					this.reconnector.reset();
				}
			}
		}, this.options.heartbeatInterval());
	}

	private void openFailed(@Nullable Link candidate, @Nullable String where, Throwable cause) {
		CompletableFuture<Void> connectFuture = null;
		List<Request> abandoned = List.of();
		MezonException error = SocketErrors.connectError(where, cause, this.options.connectTimeout());
		synchronized (this.lock) {
			if (candidate != null && this.opening != candidate) {
				return;
			}
			this.opening = null;
			if (candidate != null) {
				candidate.markClosed();
			}
			this.lastConnectionError = error;
			int status = Link.handshakeStatus(cause);
			if (status == 401 || status == 403 || candidate == null) {
				// Not accepted there, or no usable URL: the gateway knows better.
				this.reconnector.refreshFirst();
			}
			else if (SocketErrors.isRefused(cause) && ++this.refusals >= REFUSALS_BEFORE_REFRESH) {
				this.reconnector.refreshFirst();
			}
			if (this.state == ConnectionState.CONNECTING && this.retryFirstConnect && this.options.reconnect()) {
				// The caller learns of the failure; requests made meanwhile keep waiting (within
				// their deadlines) for a later attempt.
				connectFuture = this.connecting;
				this.connecting = null;
				setState(ConnectionState.RECONNECTING);
				scheduleReconnect();
			}
			else if (this.state == ConnectionState.CONNECTING) {
				setState(ConnectionState.DISCONNECTED);
				connectFuture = this.connecting;
				this.connecting = null;
				abandoned = drainWaiting();
			}
			else if (this.state == ConnectionState.RECONNECTING) {
				scheduleReconnect();
			}
			else {
				return;
			}
		}
		if (connectFuture != null) {
			connectFuture.completeExceptionally(error);
			abandoned.forEach((request) -> request.fail(error));
		}
		else {
			this.outage.failed(error.getMessage());
			this.listeners.reportError(error);
		}
	}

	@Override
	public void linkLost(Link lost, @Nullable Throwable cause, int closeCode, String closeReason) {
		List<Request> inFlight;
		List<Request> abandoned = List.of();
		boolean reconnecting;
		boolean tokenRefused = closeCode == 1008 || (closeCode >= 4000 && closeCode <= 4999);
		String reason;
		if (closeCode >= 0) {
			String close = closeCode + (closeReason.isBlank() ? "" : " " + Secrets.maskUrl(closeReason));
			reason = "closed by the server with code " + close;
			this.lastClose = close;
		}
		else {
			reason = (cause != null) ? SocketErrors.describe(cause) : "closed";
		}
		synchronized (this.lock) {
			if (this.link != lost) {
				if (this.opening != lost) {
					lost.markClosed();
				}
				// While opening, the open future reports the failure.
				return;
			}
			this.link = null;
			lost.markClosed();
			inFlight = lost.pending().closeAll();
			// Before a give-up below, which replaces it with its own reason.
			this.lastConnectionError = new MezonSocketException("Socket connection lost: " + reason);
			if (tokenRefused) {
				this.reconnector.refreshFirst();
			}
			if (this.options.reconnect()) {
				setState(ConnectionState.RECONNECTING);
				scheduleReconnect();
				reconnecting = true;
			}
			else {
				setState(ConnectionState.DISCONNECTED);
				abandoned = drainWaiting();
				reconnecting = false;
			}
		}
		String next = !reconnecting ? "not reconnecting"
				: tokenRefused ? "renewing the session, then reconnecting" : "reconnecting";
		logger.info("Socket link {} lost ({}); {}", lost.id, reason, next);
		for (Request request : inFlight) {
			request.fail(SocketErrors.lostException(request.operation));
		}
		MezonSocketException down = new MezonSocketException("Socket connection lost: " + reason);
		abandoned.forEach((request) -> request.fail(down));
		lost.close(1001, "link lost");
		this.listeners.disconnected();
	}

	// Reconnect

	/** Guarded by lock. */
	private void scheduleReconnect() {
		// The timer thread only hands the attempt to the pool.
		if (!this.reconnector.schedule(() -> execute(this::reconnectAttempt))) {
			giveUp(new MezonSocketException("Gave up reconnecting after " + this.reconnector.attempts()
					+ " attempt(s)"));
		}
	}

	/** Runs on the pool: it may refresh the session or sign in again, blocking REST calls. */
	private void reconnectAttempt() {
		boolean renew;
		synchronized (this.lock) {
			if (this.state != ConnectionState.RECONNECTING) {
				return;
			}
			renew = this.reconnector.mustRefresh();
		}
		try {
			if (renew || this.session.isExpired()) {
				SessionRenewal.renew(this.session);
				synchronized (this.lock) {
					this.reconnector.refreshed();
				}
			}
		}
		catch (RuntimeException ex) {
			boolean hopeless = (ex instanceof MezonSessionException) && this.session.isRefreshExpired();
			MezonSocketException error = new MezonSocketException(
					"Renewing the session before reconnecting failed: " + SocketErrors.describe(ex),
					SocketErrors.safeCause(ex));
			this.lastConnectionError = error;
			synchronized (this.lock) {
				if (this.state != ConnectionState.RECONNECTING) {
					return;
				}
				if (hopeless) {
					giveUp(error);
				}
				else {
					scheduleReconnect();
				}
			}
			if (!hopeless) {
				this.outage.failed(error.getMessage());
				this.listeners.reportError(error);
			}
			return;
		}
		openLink();
	}

	/** Guarded by lock. */
	private void giveUp(MezonSocketException reason) {
		this.lastConnectionError = reason;
		setState(ConnectionState.DISCONNECTED);
		List<Request> abandoned = drainWaiting();
		abandoned.forEach((request) -> request.fail(reason));
		this.onStopped.run();
		this.listeners.reportError(reason);
	}

	/** Guarded by lock. */
	private List<Request> drainWaiting() {
		List<Request> all = new ArrayList<>(this.waiting);
		this.waiting.clear();
		all.removeIf(Request::isDone);
		return all;
	}

	/** Guarded by lock. */
	private void setState(ConnectionState next) {
		ConnectionState previous = this.state;
		if (previous == next) {
			return;
		}
		this.state = next;
		if (next != ConnectionState.RECONNECTING) {
			this.reconnector.noneDue();
		}
		logger.debug("Socket state {} -> {}", previous, next);
		this.listeners.stateChanged(previous, next);
	}

	/** @return why the link last went down or failed to come up, or {@code null} if it never did */
	@Nullable Throwable lastConnectionError() {
		return this.lastConnectionError;
	}

	/** @return the server's last close code and reason, or {@code null} if it never closed the socket */
	@Nullable String lastClose() {
		return this.lastClose;
	}

	/** @return when the next reconnect attempt is due, or {@code null} when none is scheduled */
	@Nullable Instant nextReconnectAt() {
		return this.reconnector.nextAttemptAt();
	}

	long reconnects() {
		return this.reconnects.get();
	}

	private void execute(Runnable task) {
		try {
			this.pool.execute(task);
		}
		catch (java.util.concurrent.RejectedExecutionException ex) {
			task.run();
		}
	}

	/** What the heartbeat needs of the state machine. */
	private final class HeartbeatHost implements Heartbeat.Host {

		@Override
		public boolean isCurrent(Link candidate) {
			return SocketConnection.this.flow.current() == candidate;
		}

		@Override
		public boolean isReadingPaused() {
			return !SocketConnection.this.flow.mayRead();
		}

		@Override
		public CompletableFuture<?> ping(Link target, Duration timeout) {
			return requestOn(target, FrameMapper.ping(), "Ping", timeout);
		}

		@Override
		public void reportError(Throwable error) {
			SocketConnection.this.listeners.reportError(error);
		}

		@Override
		public void linkLost(Link lost, @Nullable Throwable cause) {
			SocketConnection.this.linkLost(lost, cause, -1, "");
		}

	}

}
