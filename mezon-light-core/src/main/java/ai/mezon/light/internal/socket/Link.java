package ai.mezon.light.internal.socket;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.websocket.CloseReason;

import org.apache.tomcat.websocket.WsSession;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;

/**
 * One WebSocket connection: the Spring handler receiving its frames, its {@code cid} counter and
 * pending requests, and its outbound queue. A lost link is never reused; the supervisor opens a
 * new one.
 *
 * <p>Outbound frames go through a queue drained by one pool thread at a time with blocking
 * writes: callers never block, and the container never sees concurrent sends (which JSR-356
 * forbids).
 *
 * <p>Frames arrive in parts of the container's buffer size (a small one: Tomcat allocates its
 * buffers whole for every connection, so a 4 MiB limit would cost 8 MiB of heap per idle socket).
 * A frame in one part, nearly all of them, is handed on without a copy; larger ones are assembled
 * here up to the configured maximum.
 */
final class Link extends AbstractWebSocketHandler {

	private static final Logger logger = LoggerFactory.getLogger(Link.class);

	final int id;

	private final SocketSupervisor owner;

	private final Executor writer;

	private final int maxFrameSize;

	/** The parts of a frame larger than one buffer; only the reading thread touches it. */
	private @Nullable ByteArrayOutputStream parts;

	private final AtomicInteger nextCid = new AtomicInteger();

	private final Map<Integer, Request> pending = new ConcurrentHashMap<>();

	/** Queued (by identity) to send a WebSocket ping instead of a data frame. */
	private static final byte[] PING = new byte[0];

	private final Queue<byte[]> outbound = new ConcurrentLinkedQueue<>();

	private final AtomicBoolean writing = new AtomicBoolean();

	private final AtomicBoolean closed = new AtomicBoolean();

	private volatile jakarta.websocket.@Nullable Session session;

	private volatile @Nullable WsSession tomcatSession;

	private volatile long lastFrameNanos = System.nanoTime();

	Link(int id, SocketSupervisor owner, Executor writer, int maxFrameSize) {
		this.id = id;
		this.owner = owner;
		this.writer = writer;
		this.maxFrameSize = maxFrameSize;
	}

	// Handler callbacks: run on the container's I/O thread (or a thread that resumed reading).

	// Spring's session is used only to reach the native one: its toString() and its TRACE/DEBUG
	// logging of sends and closes show the URI, which holds the token. Nothing here may throw,
	// or Spring's adapter logs the session while closing it.

	@Override
	public void afterConnectionEstablished(WebSocketSession session) {
		try {
			if (session instanceof NativeWebSocketSession nativeSession
					&& nativeSession.getNativeSession() instanceof jakarta.websocket.Session jakartaSession) {
				this.session = jakartaSession;
				if (jakartaSession instanceof WsSession ws) {
					this.tomcatSession = ws;
				}
			}
			this.lastFrameNanos = System.nanoTime();
			this.owner.linkOpened(this);
		}
		catch (RuntimeException ex) {
			logger.warn("Socket link {} failed to open", this.id, ex);
		}
	}

	@Override
	public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) {
		this.lastFrameNanos = System.nanoTime();
		try {
			if (message instanceof BinaryMessage binary) {
				ByteBuffer frame = assemble(binary.getPayload(), binary.isLast());
				if (frame != null) {
					this.owner.onFrame(this, frame);
				}
			}
			else if (message instanceof TextMessage text) {
				if (text.isLast()) {
					this.owner.onMalformed(this, "a text frame");
				}
			}
			else if (!(message instanceof PongMessage)) {
				this.owner.onMalformed(this, "a " + message.getClass().getSimpleName());
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Socket link {} failed to handle a frame", this.id, ex);
		}
	}

	@Override
	public boolean supportsPartialMessages() {
		return true;
	}

	/**
	 * @return the whole frame once its last part came, else {@code null}; the container reuses
	 * its buffer, so parts are copied while the frame is incomplete
	 */
	private @Nullable ByteBuffer assemble(ByteBuffer part, boolean last) {
		ByteArrayOutputStream assembled = this.parts;
		if (assembled == null && last) {
			return part;
		}
		if (assembled == null) {
			assembled = new ByteArrayOutputStream(2 * part.remaining());
			this.parts = assembled;
		}
		if (assembled.size() + part.remaining() > this.maxFrameSize) {
			// What the container did when it buffered whole frames: close with 1009.
			this.parts = null;
			close(new CloseReason(CloseReason.CloseCodes.TOO_BIG, "frame larger than " + this.maxFrameSize + " bytes"));
			return null;
		}
		byte[] bytes = new byte[part.remaining()];
		part.get(bytes);
		assembled.writeBytes(bytes);
		if (!last) {
			return null;
		}
		this.parts = null;
		return ByteBuffer.wrap(assembled.toByteArray());
	}

	@Override
	public void handleTransportError(WebSocketSession session, Throwable exception) {
		try {
			this.owner.linkLost(this, exception);
		}
		catch (RuntimeException ex) {
			logger.warn("Socket link {} failed to handle a transport error", this.id, ex);
		}
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
		try {
			this.owner.linkLost(this, null);
		}
		catch (RuntimeException ex) {
			logger.warn("Socket link {} failed to handle its close", this.id, ex);
		}
	}

	// Requests

	/** Registers a request under the next {@code cid} and queues its frame. */
	void send(Request request, boolean legacyCid) {
		int cid = this.nextCid.incrementAndGet();
		request.cid = cid;
		request.link = this;
		this.pending.put(cid, request);
		if (request.isDone() || this.closed.get()) {
			// Timed out meanwhile, or this link died meanwhile (its pending set was already failed).
			this.pending.remove(cid, request);
			request.fail(SocketSupervisor.lostException(request.operation));
			return;
		}
		write(EnvelopeCodec.encode(request.body, cid, legacyCid));
	}

	/** @return the request waiting for this {@code cid}, removed */
	@Nullable Request take(int cid) {
		return (cid > 0) ? this.pending.remove(cid) : null;
	}

	void forget(Request request) {
		this.pending.remove(request.cid, request);
	}

	/** Marks the link closed and hands back every pending request (to be failed). */
	List<Request> markClosed() {
		this.closed.set(true);
		List<Request> all = new ArrayList<>(this.pending.values());
		this.pending.clear();
		this.outbound.clear();
		return all;
	}

	boolean isClosed() {
		return this.closed.get();
	}

	long lastFrameNanos() {
		return this.lastFrameNanos;
	}

	void touch() {
		this.lastFrameNanos = System.nanoTime();
	}

	// Flow control

	void suspendReading() {
		WsSession ws = this.tomcatSession;
		if (ws != null && !this.closed.get()) {
			ws.suspend();
		}
	}

	void resumeReading() {
		WsSession ws = this.tomcatSession;
		if (ws != null && !this.closed.get()) {
			// Frames read while we were paused must not count as silence.
			touch();
			ws.resume();
			// Tomcat's client loses a wake-up here: a suspend from a handler stops processing with
			// frames left in its input buffer, and may start the next socket read anyway. A resume
			// before that read completes does not process them; they wait for the next bytes from
			// the server, which at the end of a burst come only with the heartbeat (a ~10 s stall).
			// A ping makes the server answer with a pong, whose arrival processes them. One small
			// control frame per pause; harmless when nothing was left.
			write(PING);
		}
	}

	boolean canPause() {
		return this.tomcatSession != null;
	}

	// Output

	private void write(byte[] frame) {
		this.outbound.add(frame);
		if (this.writing.compareAndSet(false, true)) {
			this.writer.execute(this::drain);
		}
	}

	private void drain() {
		while (true) {
			byte[] frame = this.outbound.poll();
			if (frame == null) {
				this.writing.set(false);
				// A frame added after poll() but before the flag was cleared still needs a writer.
				if (this.outbound.isEmpty() || !this.writing.compareAndSet(false, true)) {
					return;
				}
				continue;
			}
			jakarta.websocket.Session current = this.session;
			try {
				if (current == null || !current.isOpen()) {
					throw new IOException("session closed");
				}
				if (frame == PING) {
					current.getBasicRemote().sendPing(ByteBuffer.allocate(0));
				}
				else {
					current.getBasicRemote().sendBinary(ByteBuffer.wrap(frame));
				}
			}
			catch (IOException | RuntimeException ex) {
				this.writing.set(false);
				this.owner.linkLost(this, ex);
				return;
			}
		}
	}

	/** Closes the connection without waiting; any error is only logged. */
	void close(CloseReason reason) {
		jakarta.websocket.Session current = this.session;
		if (current == null) {
			return;
		}
		this.writer.execute(() -> {
			try {
				current.close(reason);
			}
			catch (IOException | RuntimeException ex) {
				logger.debug("Closing socket link {} failed: {}", this.id, SocketErrors.describe(ex));
			}
		});
	}

	@Override
	public String toString() {
		// Never the session: its URI holds the token.
		return "Link[" + this.id + "]";
	}

}
