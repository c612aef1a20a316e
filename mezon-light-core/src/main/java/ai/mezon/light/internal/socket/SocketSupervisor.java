package ai.mezon.light.internal.socket;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import jakarta.websocket.CloseReason;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

import ai.mezon.light.ChannelAddedEvent;
import ai.mezon.light.ChannelType;
import ai.mezon.light.ConnectOptions;
import ai.mezon.light.ConnectionState;
import ai.mezon.light.HistoryDirection;
import ai.mezon.light.Ids;
import ai.mezon.light.MessageAck;
import ai.mezon.light.MezonException;
import ai.mezon.light.MezonServerErrorException;
import ai.mezon.light.MezonSessionException;
import ai.mezon.light.MezonSocketException;
import ai.mezon.light.MezonTimeoutException;
import ai.mezon.light.OutgoingMessage;
import ai.mezon.light.Reaction;
import ai.mezon.light.Secrets;
import ai.mezon.light.SocketListener;
import ai.mezon.light.SocketMetrics;
import ai.mezon.light.SocketOptions;
import ai.mezon.light.Subscription;
import ai.mezon.light.proto.realtime.Envelope;

/**
 * The engine behind {@code LightSocket}, and the coordinator of its parts: it owns the current
 * {@link Link}, the connection state machine and the requests waiting for a link, and drives the
 * link's life (open, lost, reconnect with refresh and rejoin). The parts, each one concern:
 * {@link SocketListeners} (who hears what, and errors), {@link IncomingRouter} (frames to replies
 * and typed events), {@link Heartbeat} (dead or quiet link), {@link Reconnector} (when to try
 * again) and {@link CatchUpOnJoin} (missed messages around joins).
 *
 * <p>Lock: {@code lock} guards the state, link, opening link, connect future and waiting
 * requests here, and the {@link Reconnector}'s state (asserted there). The link is also read
 * without it by flow control and {@link Heartbeat.Host#isCurrent}, which tolerate a stale value.
 * The parts add no lock (the dispatcher's lanes and {@link CatchUp}'s fence are their own) and
 * reach this one only by calling back into the supervisor ({@link IncomingRouter.Owner#catchUpEpoch},
 * {@link Heartbeat.Host#linkLost}, requests). State changes happen under the lock and only enqueue
 * work (listener calls, frames, timer tasks); nothing blocking runs under it.
 *
 * <p>Threads: frames are decoded and routed on the container's reading thread; listeners run on
 * the dispatch executor; deadlines and heartbeats fire on one shared timer thread and only
 * complete futures; reconnect attempts (which may refresh the session, a blocking
 * REST call), writes, and completion of the futures returned to callers run on this socket's own
 * daemon pool, so a caller's callback never runs on the I/O or timer thread.
 */
public final class SocketSupervisor {

	private static final Logger logger = LoggerFactory.getLogger(SocketSupervisor.class);

	private static final AtomicInteger socketIds = new AtomicInteger();

	/** The container's read buffer: one part of a frame; nearly every frame fits in one. */
	private static final int FRAME_BUFFER = 64 * 1024;

	private final SessionAccess session;

	private final SocketOptions options;

	private final QuietWebSocketClient client;

	private final ExecutorService pool;

	private final EventDispatcher dispatcher;

	private final Reconnector reconnector;

	private final Heartbeat heartbeat;

	private final IncomingRouter router;

	private final CatchUpOnJoin catchUpOnJoin;

	private final TypingThrottle typingThrottle;

	/** Catch-up of missed messages, or {@code null} when not configured. */
	private final @Nullable CatchUp catchUp;

	private final SocketListeners listeners;

	private final Map<Long, ChannelType> joined = new ConcurrentHashMap<>();

	private final AtomicInteger linkIds = new AtomicInteger();

	private final AtomicLong reconnects = new AtomicLong();

	private final Object lock = new Object();

	/**
	 * Orders read suspends (reading thread) and resumes (pool) as the dispatcher decided them.
	 * Reentrant: a resume may process buffered frames, and so decide a pause, on its own thread.
	 */
	private final Object flowLock = new Object();

	private volatile boolean retryFirstConnect;

	/** Why the link last went down or failed to come up, for health reporting. */
	private volatile @Nullable Throwable lastConnectionError;

	// Guarded by lock.

	private ConnectionState state = ConnectionState.DISCONNECTED;

	private @Nullable Link link;

	private @Nullable Link opening;

	private @Nullable CompletableFuture<Void> connecting;

	private final List<Request> waiting = new ArrayList<>();

	/**
	 * @param session access to the client's session (URL, expiry, refresh)
	 * @param options the socket options
	 */
	public SocketSupervisor(SessionAccess session, SocketOptions options) {
		this.session = session;
		this.options = options;
		int socketId = socketIds.incrementAndGet();
		this.pool = newPool("mezon-socket-" + socketId + "-");
		Executor dispatch = (options.dispatchExecutor() != null) ? options.dispatchExecutor() : this.pool;
		// Each needs the other: the dispatcher reports handler failures to the listeners (through
		// a method, as they do not exist yet), which queue their calls on its control lane.
		this.dispatcher = new EventDispatcher(dispatch, options.queueCapacity(), this::reportHandlerFailure);
		this.listeners = new SocketListeners(this.dispatcher::dispatchControl);
		this.dispatcher.setFlowControl(new EventDispatcher.FlowControl() {

			@Override
			public void pauseReading() {
				Link current = SocketSupervisor.this.link;
				if (current != null) {
					synchronized (SocketSupervisor.this.flowLock) {
						current.suspendReading();
					}
				}
			}

			@Override
			public void resumeReading() {
				Link current = SocketSupervisor.this.link;
				if (current != null) {
					// Resuming may process buffered frames on the calling thread: not a handler's.
					execute(() -> {
						// The decision was taken earlier on another thread: a pause decided since
						// then must win, or a stale resume would undo it (suspend and resume must
						// reach Tomcat in the order they were decided).
						synchronized (SocketSupervisor.this.flowLock) {
							if (!SocketSupervisor.this.dispatcher.isPaused()) {
								current.resumeReading();
							}
						}
					});
				}
			}

		});
		this.reconnector = new Reconnector(this.lock, new Backoff(options.reconnectInitialDelay(),
				options.reconnectMaxDelay(), options.reconnectMultiplier()), options.reconnectMaxAttempts(),
				() -> ThreadLocalRandom.current().nextDouble(), SocketTimer::schedule);
		this.heartbeat = new Heartbeat(options.heartbeatInterval(), new Heartbeat.Host() {

			@Override
			public boolean isCurrent(Link link) {
				return SocketSupervisor.this.link == link;
			}

			@Override
			public boolean isReadingPaused() {
				return SocketSupervisor.this.dispatcher.isPaused();
			}

			@Override
			public CompletableFuture<?> ping(Link link, Duration timeout) {
				return requestOn(link, FrameMapper.ping(), "Ping", timeout);
			}

			@Override
			public void reportError(Throwable error) {
				SocketSupervisor.this.listeners.reportError(error);
			}

			@Override
			public void linkLost(Link link, @Nullable Throwable cause) {
				SocketSupervisor.this.linkLost(link, cause);
			}

		}, SocketTimer::schedule, System::nanoTime);
		this.typingThrottle = new TypingThrottle(options.typingInterval(), System::nanoTime);
		this.catchUp = (options.catchUp() != null) ? new CatchUp(options.catchUp(), new CatchUp.History() {

			@Override
			public List<ai.mezon.light.proto.api.ChannelMessage> after(long channelId, long anchor, int limit) {
				return session.history(channelId, anchor, HistoryDirection.AFTER, limit);
			}

			@Override
			public List<ai.mezon.light.proto.api.ChannelMessage> latest(long channelId) {
				return session.history(channelId, 0, HistoryDirection.BEFORE, 1);
			}

		}, this.listeners::reportError) : null;
		this.catchUpOnJoin = new CatchUpOnJoin(this.catchUp, this.dispatcher, this.listeners, this::execute);
		this.router = new IncomingRouter(this.dispatcher, this.listeners, this.catchUp, new IncomingRouter.Owner() {

			@Override
			public long catchUpEpoch(Link source, CatchUp catchUp) {
				synchronized (SocketSupervisor.this.lock) {
					// Read with the link, so a disconnect is either fully before this (link gone) or
					// fences the epoch taken here.
					return (SocketSupervisor.this.link == source) ? catchUp.epoch() : IncomingRouter.STALE;
				}
			}

			@Override
			public void channelAdded(ChannelAddedEvent event) {
				onChannelAdded(event);
			}

		});
		WebSocketContainer container = ContainerProvider.getWebSocketContainer();
		// Tomcat allocates these buffers whole for every connection (and the binary size again for
		// the handshake response), so they stay small; Link assembles larger frames from parts.
		container.setDefaultMaxBinaryMessageBufferSize(Math.min(options.maxFrameSize(), FRAME_BUFFER));
		container.setDefaultMaxTextMessageBufferSize(1024);
		this.client = new QuietWebSocketClient(container);
		SimpleAsyncTaskExecutor connector = new SimpleAsyncTaskExecutor("mezon-socket-" + socketId + "-connect-");
		connector.setDaemon(true);
		this.client.setTaskExecutor(connector);
		// Tomcat's handshake I/O timeout (default 5 s) follows the connect timeout.
		this.client.setUserProperties(Map.of("org.apache.tomcat.websocket.IO_TIMEOUT_MS",
				Long.toString(options.connectTimeout().toMillis())));
	}

	// Lifecycle

	public CompletableFuture<Void> connect(ConnectOptions connectOptions) {
		CompletableFuture<Void> result;
		synchronized (this.lock) {
			if (this.state != ConnectionState.DISCONNECTED) {
				return CompletableFuture.failedFuture(
						new MezonSocketException("Socket is already connected. Call disconnect() first."));
			}
			this.listeners.setErrorHandler(connectOptions.onError());
			this.listeners.setDisconnectHandler(connectOptions.onDisconnect());
			this.router.setVerbose(connectOptions.verbose());
			this.retryFirstConnect = connectOptions.retryFirstConnect();
			this.reconnector.reset();
			result = new CompletableFuture<>();
			this.connecting = result;
			setState(ConnectionState.CONNECTING);
		}
		openLink();
		return toCaller(result);
	}

	public void disconnect() {
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
			abandoned = new ArrayList<>(this.waiting);
			this.waiting.clear();
			connectFuture = this.connecting;
			this.connecting = null;
		}
		if (this.catchUp != null) {
			// Outside the lock: it waits for deliveries in progress, whose handlers may call us.
			this.catchUp.fence();
		}
		MezonSocketException disconnected = new MezonSocketException("Socket disconnected by disconnect()");
		if (connectFuture != null) {
			connectFuture.completeExceptionally(disconnected);
		}
		abandoned.forEach((request) -> request.fail(disconnected));
		for (Link l : new Link[] { current, pendingOpen }) {
			if (l != null) {
				l.markClosed().forEach((request) -> request.fail(disconnected));
				l.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "disconnect"));
			}
		}
		this.joined.clear();
		this.listeners.disconnected();
	}

	public ConnectionState state() {
		synchronized (this.lock) {
			return this.state;
		}
	}

	// Requests

	public CompletableFuture<Void> join(String channelId, ChannelType type) {
		long id = Ids.parse("channelId", channelId);
		Duration timeout = this.options.requestTimeout().plus(this.options.joinWait());
		CompletableFuture<Envelope> joining = this.catchUpOnJoin.join(id,
				() -> request(FrameMapper.join(id, type), "Join " + describe(type) + " " + id, timeout));
		return toCaller(joining.thenApply((reply) -> {
			this.joined.put(id, type);
			return null;
		}));
	}

	public CompletableFuture<Void> leave(String channelId, ChannelType type) {
		long id = Ids.parse("channelId", channelId);
		return toCaller(request(FrameMapper.leave(id, type), "Leave " + describe(type) + " " + id,
				this.options.requestTimeout())
			.thenApply((reply) -> {
				this.joined.remove(id);
				return null;
			}));
	}

	public CompletableFuture<MessageAck> send(OutgoingMessage message, ChannelType type) {
		Envelope envelope = FrameMapper.send(message, type);
		return toCaller(request(envelope, "Send to " + describe(type) + " " + message.channelId(),
				this.options.requestTimeout())
			.thenApply(FrameMapper::ack));
	}

	/**
	 * Edits one's own message. Like a send, the request goes out on the one link in call order, so
	 * an edit made after a send reaches the server after it.
	 */
	public CompletableFuture<MessageAck> edit(String messageId, OutgoingMessage message, ChannelType type,
			boolean hideEdited) {
		Envelope envelope = FrameMapper.update(Ids.parse("messageId", messageId), message, type, hideEdited);
		return toCaller(request(envelope, "Edit of message " + messageId + " in " + describe(type) + " "
				+ message.channelId(), this.options.requestTimeout())
			.thenApply(FrameMapper::ack));
	}

	public CompletableFuture<MessageAck> remove(String channelId, String messageId, ChannelType type) {
		Envelope envelope = FrameMapper.remove(Ids.parse("channelId", channelId), Ids.parse("messageId", messageId),
				type);
		return toCaller(request(envelope, "Delete of message " + messageId + " in " + describe(type) + " " + channelId,
				this.options.requestTimeout())
			.thenApply(FrameMapper::ack));
	}

	public CompletableFuture<Reaction> react(String channelId, ChannelType type, String messageId,
			String messageSenderId, String emoji, boolean remove) {
		if (emoji == null || emoji.isBlank()) {
			throw new IllegalArgumentException("emoji must not be blank");
		}
		FrameMapper.ReactionRequest reaction = new FrameMapper.ReactionRequest(Ids.parse("channelId", channelId), type,
				Ids.parse("messageId", messageId),
				messageSenderId.isEmpty() ? 0 : Ids.parse("messageSenderId", messageSenderId), emoji, remove);
		long self = selfId();
		String operation = (remove ? "Removing reaction to message " : "Reaction to message ") + messageId + " in "
				+ describe(type) + " " + channelId;
		return toCaller(request(FrameMapper.reaction(reaction, self), operation, this.options.requestTimeout())
			.thenApply((reply) -> FrameMapper.reacted(reply, reaction, self)));
	}

	/**
	 * Sends a typing indicator unless one went to this channel within the typing interval; then
	 * completes at once with {@code false} and sends nothing.
	 */
	public CompletableFuture<Boolean> typing(String channelId, ChannelType type) {
		long id = Ids.parse("channelId", channelId);
		@Nullable Long slot = this.typingThrottle.tryAcquire(id);
		if (slot == null) {
			return CompletableFuture.completedFuture(false);
		}
		long stamp = slot;
		CompletableFuture<Envelope> sent = request(FrameMapper.typing(id, type), "Typing in " + describe(type) + " " + id,
				this.options.requestTimeout());
		sent.whenComplete((reply, ex) -> {
			if (ex != null) {
				this.typingThrottle.release(id, stamp);
			}
		});
		return toCaller(sent.thenApply((reply) -> true));
	}

	private long selfId() {
		try {
			return Long.parseLong(this.session.userId());
		}
		catch (NumberFormatException ex) {
			// The server knows who we are from the connection; the field is informative.
			return 0;
		}
	}

	public Set<String> joinedChannels() {
		return this.joined.keySet().stream().map(Ids::format).collect(java.util.stream.Collectors.toUnmodifiableSet());
	}

	/**
	 * Sends a request now when the link is up, or queues it until the link is up (within its
	 * deadline) while connecting or reconnecting.
	 */
	private CompletableFuture<Envelope> request(Envelope body, String operation, Duration timeout) {
		Request request = new Request(body, operation, timeout);
		request.deadline = SocketTimer.schedule(request::expire, timeout);
		Link target = null;
		synchronized (this.lock) {
			switch (this.state) {
				case CONNECTED -> target = this.link;
				case CONNECTING, RECONNECTING -> this.waiting.add(request);
				case DISCONNECTED -> request.fail(new MezonSocketException(
						operation + " failed: the socket is not connected. Call connect() first."));
			}
		}
		if (target != null) {
			target.send(request, this.options.legacyCid());
		}
		request.result.whenComplete((reply, ex) -> {
			if (ex instanceof MezonTimeoutException) {
				synchronized (this.lock) {
					this.waiting.remove(request);
				}
			}
		});
		return request.result;
	}

	/** Sends on a given link, skipping the state check (rejoin and heartbeat). */
	private CompletableFuture<Envelope> requestOn(Link target, Envelope body, String operation, Duration timeout) {
		Request request = new Request(body, operation, timeout);
		request.deadline = SocketTimer.schedule(request::expire, timeout);
		target.send(request, this.options.legacyCid());
		return request.result;
	}

	// Link events

	private void openLink() {
		URI uri;
		try {
			uri = this.session.socketUri();
		}
		catch (RuntimeException ex) {
			openFailed(null, ex);
			return;
		}
		Link candidate = new Link(this.linkIds.incrementAndGet(), this, this.pool, this.options.maxFrameSize());
		synchronized (this.lock) {
			if (this.state == ConnectionState.DISCONNECTED || this.state == ConnectionState.CONNECTED) {
				return;
			}
			this.opening = candidate;
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Opening socket link {} to {}", candidate.id, Secrets.maskUrl(uri.toString()));
		}
		Duration timeout = this.options.connectTimeout();
		this.client.connect(candidate, uri)
			.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
			.whenComplete((ws, ex) -> {
				if (ex != null) {
					openFailed(candidate, SocketErrors.unwrap(ex));
				}
			});
	}

	void linkOpened(Link candidate) {
		boolean initial;
		CompletableFuture<Void> connectFuture = null;
		List<Request> queued = List.of();
		synchronized (this.lock) {
			if (this.opening != candidate) {
				// Timed out, superseded, or disconnect() was called meanwhile.
				candidate.markClosed();
				candidate.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "abandoned"));
				return;
			}
			this.opening = null;
			this.link = candidate;
			initial = (this.state == ConnectionState.CONNECTING);
			if (initial) {
				this.reconnector.resetAttempts();
				setState(ConnectionState.CONNECTED);
				queued = drainWaiting();
				connectFuture = this.connecting;
				this.connecting = null;
			}
		}
		if (this.dispatcher.isPaused()) {
			candidate.suspendReading();
		}
		logger.debug("Socket link {} open", candidate.id);
		this.heartbeat.start(candidate);
		if (initial) {
			queued.forEach((request) -> candidate.send(request, this.options.legacyCid()));
			if (connectFuture != null) {
				connectFuture.complete(null);
			}
		}
		else {
			this.reconnects.incrementAndGet();
			rejoin(candidate).whenComplete((ignored, ex) -> reconnected(candidate));
		}
	}

	private CompletableFuture<Void> rejoin(Link target) {
		List<CompletableFuture<?>> joins = new ArrayList<>();
		for (Map.Entry<Long, ChannelType> entry : this.joined.entrySet()) {
			long id = entry.getKey();
			CompletableFuture<Envelope> rejoining = this.catchUpOnJoin.join(id, () -> requestOn(target,
					FrameMapper.join(id, entry.getValue()), "Rejoin channel " + id, this.options.requestTimeout()));
			joins.add(rejoining
				.whenComplete((reply, ex) -> {
					if (ex != null) {
						if (ex instanceof MezonServerErrorException) {
							// The server refuses us now (e.g. removed from the channel): stop rejoining it.
							this.joined.remove(id);
						}
						this.listeners.reportError(ex);
					}
				}));
		}
		return CompletableFuture.allOf(joins.toArray(CompletableFuture[]::new));
	}

	private void reconnected(Link candidate) {
		List<Request> queued;
		synchronized (this.lock) {
			if (this.link != candidate || this.state != ConnectionState.RECONNECTING) {
				return;
			}
			this.reconnector.reset();
			setState(ConnectionState.CONNECTED);
			queued = drainWaiting();
		}
		logger.info("Socket reconnected; {} channel(s) rejoined", this.joined.size());
		queued.forEach((request) -> candidate.send(request, this.options.legacyCid()));
	}

	private void openFailed(@Nullable Link candidate, Throwable cause) {
		CompletableFuture<Void> connectFuture = null;
		List<Request> abandoned = List.of();
		MezonException error = (cause instanceof java.util.concurrent.TimeoutException)
				? new MezonTimeoutException("Socket connect", this.options.connectTimeout(), null)
				: new MezonSocketException("Socket connect failed: " + SocketErrors.describe(cause),
						SocketErrors.safeCause(cause));
		synchronized (this.lock) {
			if (candidate != null && this.opening != candidate) {
				return;
			}
			this.opening = null;
			if (candidate != null) {
				candidate.markClosed();
			}
			if (SocketErrors.isUnauthorized(cause)) {
				this.reconnector.refreshFirst();
			}
			this.lastConnectionError = error;
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
			logger.debug("Reconnect attempt failed: {}", error.getMessage());
			this.listeners.reportError(error);
		}
	}

	void linkLost(Link lost, @Nullable Throwable cause) {
		List<Request> inFlight;
		List<Request> abandoned = List.of();
		boolean reconnecting;
		synchronized (this.lock) {
			if (this.link != lost) {
				if (this.opening == lost && cause != null) {
					// Failed during the handshake: the connect future reports it.
					return;
				}
				lost.markClosed();
				return;
			}
			this.link = null;
			inFlight = lost.markClosed();
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
		String reason = (cause != null) ? SocketErrors.describe(cause) : "closed by the server";
		this.lastConnectionError = new MezonSocketException("Socket connection lost: " + reason);
		logger.info("Socket link {} lost ({}); {}", lost.id, reason, reconnecting ? "reconnecting" : "not reconnecting");
		for (Request request : inFlight) {
			request.fail(lostException(request.operation));
		}
		MezonSocketException down = new MezonSocketException("Socket connection lost: " + reason);
		abandoned.forEach((request) -> request.fail(down));
		lost.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "link lost"));
		this.listeners.disconnected();
	}

	static MezonSocketException lostException(String operation) {
		return new MezonSocketException(operation
				+ " failed: the connection was lost before the server answered (the outcome is unknown)");
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

	/** Runs on the pool: it may refresh the session, a blocking REST call. */
	private void reconnectAttempt() {
		boolean refresh;
		synchronized (this.lock) {
			if (this.state != ConnectionState.RECONNECTING) {
				return;
			}
			refresh = this.reconnector.mustRefresh();
		}
		try {
			if (refresh || this.session.isExpired()) {
				logger.debug("Refreshing the session before reconnecting");
				this.session.refresh();
				synchronized (this.lock) {
					this.reconnector.refreshed();
				}
			}
		}
		catch (RuntimeException ex) {
			boolean hopeless = (ex instanceof MezonSessionException) && this.session.isRefreshExpired();
			MezonSocketException error = new MezonSocketException(
					"Refreshing the session before reconnecting failed: " + SocketErrors.describe(ex),
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
		this.joined.clear();
		this.listeners.reportError(reason);
	}

	/** Guarded by lock. */
	private List<Request> drainWaiting() {
		List<Request> all = new ArrayList<>(this.waiting);
		this.waiting.clear();
		all.removeIf(Request::isDone);
		return all;
	}

	// Incoming frames: Link's callbacks, on its reading thread.

	void onFrame(Link source, ByteBuffer payload) {
		this.router.onFrame(source, payload);
	}

	void onMalformed(Link source, String what) {
		this.router.onMalformed(source, what);
	}

	private void onChannelAdded(ChannelAddedEvent event) {
		String self = this.session.userId();
		boolean forUs = event.addedUserIds().contains(self);
		if (this.options.autoJoin() && forUs && event.channelType() != null && !event.channelId().isEmpty()) {
			join(event.channelId(), event.channelType()).whenComplete((ignored, ex) -> {
				if (ex != null) {
					this.listeners.reportError(SocketErrors.unwrap(ex));
				}
				this.dispatcher.dispatchControl(
						() -> this.listeners.deliver(SocketListener::onChannelAdded, event.withJoined(ex == null)));
			});
		}
		else {
			this.dispatcher.dispatchControl(() -> this.listeners.deliver(SocketListener::onChannelAdded, event));
		}
	}

	// Listeners

	public Subscription addListener(SocketListener listener) {
		return this.listeners.add(listener);
	}

	public void setErrorHandler(@Nullable Consumer<Throwable> handler) {
		this.listeners.setErrorHandler(handler);
	}

	private void reportHandlerFailure(Throwable ex) {
		this.listeners.reportHandlerFailure(ex);
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
	public @Nullable Throwable lastConnectionError() {
		return this.lastConnectionError;
	}

	/** @return when the next reconnect attempt is due, or {@code null} when none is scheduled */
	public @Nullable Instant nextReconnectAt() {
		return this.reconnector.nextAttemptAt();
	}

	public SocketMetrics metrics() {
		return new SocketMetrics(this.dispatcher.queued(), this.dispatcher.highWaterMark(),
				this.dispatcher.capacity(), this.dispatcher.pauses(), this.router.malformedFrames(),
				this.reconnects.get());
	}

	// Plumbing

	/** Completes the caller's future on the pool, never on the I/O or timer thread. */
	private <T> CompletableFuture<T> toCaller(CompletableFuture<T> internal) {
		CompletableFuture<T> result = new CompletableFuture<>();
		internal.whenComplete((value, ex) -> execute(() -> {
			if (ex != null) {
				result.completeExceptionally(SocketErrors.unwrap(ex));
			}
			else {
				result.complete(value);
			}
		}));
		return result;
	}

	private void execute(Runnable task) {
		try {
			this.pool.execute(task);
		}
		catch (RejectedExecutionException ex) {
			task.run();
		}
	}

	private static String describe(ChannelType type) {
		return (type == ChannelType.DM) ? "DM" : "group";
	}

	private static ExecutorService newPool(String prefix) {
		AtomicInteger threads = new AtomicInteger();
		ThreadPoolExecutor executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
				new SynchronousQueue<>(), (task) -> {
					Thread thread = new Thread(task, prefix + threads.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
		return executor;
	}

	/** What the supervisor needs from the client's session. */
	public interface SessionAccess {

		/** @return the socket URL with the current token */
		URI socketUri();

		/** @return the user id (decimal) */
		String userId();

		/** @return whether the access token has expired */
		boolean isExpired();

		/** @return whether the refresh token has expired */
		boolean isRefreshExpired();

		/** Refreshes the session (blocking). */
		void refresh();

		/**
		 * Reads a channel's history (blocking REST call), for catch-up.
		 * @param channelId the channel
		 * @param anchor the anchor message id, 0 for none
		 * @param direction which messages relative to the anchor
		 * @param limit the most messages
		 * @return the messages as the server sent them
		 */
		List<ai.mezon.light.proto.api.ChannelMessage> history(long channelId, long anchor, HistoryDirection direction,
				int limit);

	}

}
