package ai.mezon.light.internal.socket;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import com.google.protobuf.CodedInputStream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket connection to the server, and the only class that knows the WebSocket
 * implementation: the JDK's {@link java.net.http.WebSocket}. It owns reading (demand, frame
 * assembly, the frame size limit), writing (one ordered, non-blocking queue) and closing, and
 * hands whole frames straight to a {@link Receiver} (the router) and its end to {@link Ends} (the
 * connection's state machine). A lost link is never reused.
 *
 * <p>Why the JDK client and not Tomcat's JSR-356 client behind Spring's
 * {@code StandardWebSocketClient} (the first design): reading is driven by demand
 * ({@link WebSocket#request(long)}), so backpressure is "do not ask for the next frame" instead of
 * suspending and resuming the container's session (which lost a wake-up in Tomcat's client and
 * needed a ping after every resume); an oversized frame arrives in parts that can be dropped
 * while the connection stays up, instead of a 1009 close after which the rest of the frame was
 * read as new frames; nothing WebSocket-specific lands on the user's class path (Tomcat came with
 * every application, Jetty, Undertow and WebFlux ones included); and the JDK client does not log
 * the socket URL, which holds the token. Measured on the load harness before the switch
 * (BENCHMARKS.md): a raw JDK client received 100,000 pushes at 0.85-1.05x the rate of a raw
 * Tomcat client (interleaved rounds, noisy 2-core machine), with 1-2 us more CPU per frame
 * when asking for one frame at a time.
 *
 * <p>Threads: the listener's callbacks run on the HTTP client's executor (one at a time per
 * connection, in order): that is "the reading thread". Writes are started by whoever queues a
 * frame and continued by the thread completing the previous write; they never block. Nothing
 * here calls user code.
 *
 * <p>Reading: one frame is asked for at a time. After a frame was handed on, the next is asked
 * for only if {@code mayRead} says so (the dispatcher has room); otherwise the link stalls until
 * {@link #wake()} (called once handlers drained the queue). The stalled flag and the demand check
 * are ordered so that a wake racing the end of a frame never leaves the link stalled with room.
 */
final class Link {

	private static final Logger logger = LoggerFactory.getLogger(Link.class);

	/** Frames whose first byte is this are not envelopes (chunked raw API answers): skipped. */
	private static final int RAW_CHUNK_MARK = 0xFF;

	private static final HttpClient httpClient = HttpClient.newBuilder().executor(ioPool()).build();

	final int id;

	private final Receiver receiver;

	private final Ends ends;

	private final int maxFrameSize;

	private final BooleanSupplier mayRead;

	private final PendingRequests pending = new PendingRequests();

	private final Queue<byte[]> outbound = new ConcurrentLinkedQueue<>();

	private final AtomicBoolean writing = new AtomicBoolean();

	private final AtomicBoolean closed = new AtomicBoolean();

	private final AtomicBoolean stalled = new AtomicBoolean();

	private volatile @Nullable WebSocket socket;

	private volatile long lastFrameNanos = System.nanoTime();

	/**
	 * @param id the link's number, for logs
	 * @param receiver gets every frame
	 * @param ends hears of the link's end
	 * @param maxFrameSize the largest frame accepted; a larger one is dropped and reported
	 * @param mayRead whether the next frame may be read now (the dispatcher has room)
	 */
	Link(int id, Receiver receiver, Ends ends, int maxFrameSize, BooleanSupplier mayRead) {
		this.id = id;
		this.receiver = receiver;
		this.ends = ends;
		this.maxFrameSize = maxFrameSize;
		this.mayRead = mayRead;
	}

	/**
	 * Opens the connection. Never throws: a URI the client refuses (bad port, bad scheme) fails the
	 * future like a refused connection does.
	 * @param uri the socket URI (with the token: never log it unmasked)
	 * @param connectTimeout the most time for the TCP connection and the handshake
	 * @return completes once open (before any frame is read), or fails with the cause
	 */
	CompletableFuture<Link> open(URI uri, Duration connectTimeout) {
		try {
			return httpClient.newWebSocketBuilder()
				.connectTimeout(connectTimeout)
				.buildAsync(uri, new Reader())
				.thenApply((ws) -> this);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	/** @return the requests sent on this link and not answered yet */
	PendingRequests pending() {
		return this.pending;
	}

	/** Starts reading once the owner has taken the link as its current one. */
	void startReading() {
		WebSocket ws = this.socket;
		if (ws != null) {
			this.stalled.set(true);
			wake();
		}
	}

	/** Reads again after a stall, if reading is allowed now; any thread, never blocks. */
	void wake() {
		WebSocket ws = this.socket;
		while (ws != null && this.stalled.get() && !this.closed.get() && this.mayRead.getAsBoolean()) {
			if (this.stalled.compareAndSet(true, false)) {
				// Frames read while stalled on purpose are not silence.
				touch();
				ws.request(1);
				return;
			}
		}
	}

	/** A callback consumed the one frame asked for: ask for the next, or stall. Reading thread. */
	private void next(WebSocket ws) {
		this.stalled.set(true);
		if (!this.closed.get() && this.mayRead.getAsBoolean() && this.stalled.compareAndSet(true, false)) {
			ws.request(1);
		}
	}

	/** @return whether reading is stalled waiting for room (for diagnostics) */
	boolean isStalled() {
		return this.stalled.get();
	}

	/** Queues a frame; frames go out in the order queued. Any thread, never blocks. */
	void write(byte[] frame) {
		this.outbound.add(frame);
		if (this.writing.compareAndSet(false, true)) {
			drain();
		}
	}

	/**
	 * Sends queued frames one after the other (the JDK client takes one at a time): a write that
	 * completes at once is followed in this loop, one still in progress continues the loop from its
	 * completion, so the stack never grows.
	 */
	private void drain() {
		while (true) {
			byte[] frame = this.outbound.poll();
			if (frame == null) {
				this.writing.set(false);
				// A frame queued after poll() but before the flag was cleared still needs a writer.
				if (this.outbound.isEmpty() || !this.writing.compareAndSet(false, true)) {
					return;
				}
				continue;
			}
			WebSocket ws = this.socket;
			if (ws == null || this.closed.get()) {
				this.outbound.clear();
				this.writing.set(false);
				return;
			}
			CompletableFuture<WebSocket> sent;
			try {
				sent = ws.sendBinary(ByteBuffer.wrap(frame), true);
			}
			catch (RuntimeException ex) {
				this.writing.set(false);
				lost(ex);
				return;
			}
			if (sent.isDone() && !sent.isCompletedExceptionally()) {
				continue;
			}
			sent.whenComplete((ignored, ex) -> {
				if (ex != null) {
					this.writing.set(false);
					lost(SocketErrors.unwrap(ex));
				}
				else {
					drain();
				}
			});
			return;
		}
	}

	/**
	 * Marks the link closed: it reads and writes no more. The pending requests stay for the owner to
	 * fail.
	 * @return whether this call closed it (first time)
	 */
	boolean markClosed() {
		boolean first = this.closed.compareAndSet(false, true);
		this.outbound.clear();
		return first;
	}

	boolean isClosed() {
		return this.closed.get();
	}

	long lastFrameNanos() {
		return this.lastFrameNanos;
	}

	private void touch() {
		this.lastFrameNanos = System.nanoTime();
	}

	/** Closes the connection without waiting; any error is only logged. */
	void close(int code, String reason) {
		markClosed();
		WebSocket ws = this.socket;
		if (ws == null) {
			return;
		}
		try {
			ws.sendClose(code, reason).orTimeout(5, TimeUnit.SECONDS).whenComplete((ignored, ex) -> ws.abort());
		}
		catch (RuntimeException ex) {
			logger.debug("Closing socket link {} failed: {}", this.id, SocketErrors.describe(ex));
			ws.abort();
		}
	}

	private void lost(Throwable cause) {
		this.ends.linkLost(this, cause, -1, "");
	}

	@Override
	public String toString() {
		// Never the URI: it holds the token.
		return "Link[" + this.id + "]";
	}

	/**
	 * @return the HTTP status of a refused handshake, or -1 when the failure was not a refused
	 * handshake (connection refused, timeout, ...)
	 */
	static int handshakeStatus(Throwable ex) {
		for (Throwable t = ex; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
			if (t instanceof WebSocketHandshakeException handshake) {
				return handshake.getResponse().statusCode();
			}
		}
		return -1;
	}

	/**
	 * Initialises this class, and with it the shared client, ahead of the first connect: see
	 * {@link SocketPreload}.
	 * @return the shared client
	 */
	static HttpClient sharedClient() {
		return httpClient;
	}

	private static ExecutorService ioPool() {
		AtomicInteger threads = new AtomicInteger();
		return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
				(task) -> {
					Thread thread = new Thread(task, "mezon-socket-io-" + threads.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
	}

	/** The JDK client's listener: one callback at a time per connection, on the reading thread. */
	private final class Reader implements WebSocket.Listener {

		/** Parts of a frame larger than one delivery; only this reader touches it. */
		private @Nullable ByteArrayOutputStream parts;

		/** Bytes of the current frame so far, kept or not. */
		private long frameBytes;

		/** Whether the rest of the current frame is dropped (over the limit, or not an envelope). */
		private boolean skipping;

		/** What the start of an oversized frame says it is, for the report. */
		private String oversizedWhat = "";

		@Override
		public void onOpen(WebSocket webSocket) {
			Link.this.socket = webSocket;
			touch();
			// No request yet: the owner calls startReading() once the link is its current one.
		}

		@Override
		public @Nullable CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
			touch();
			try {
				ByteBuffer frame = assemble(data, last);
				if (frame != null && !Link.this.closed.get()) {
					Link.this.receiver.onFrame(Link.this, frame);
				}
			}
			catch (RuntimeException ex) {
				logger.warn("Socket link {} failed to handle a frame", Link.this.id, ex);
			}
			next(webSocket);
			return null;
		}

		/**
		 * @return the whole frame once its last part came, else {@code null}; one-part frames (nearly
		 * all) are handed on without a copy
		 */
		private @Nullable ByteBuffer assemble(ByteBuffer part, boolean last) {
			boolean first = (this.frameBytes == 0 && this.parts == null && !this.skipping);
			this.frameBytes += part.remaining();
			if (first && part.hasRemaining() && (part.get(part.position()) & 0xFF) == RAW_CHUNK_MARK) {
				// Not an envelope (PROTOCOL.md §4): skipped without a word.
				this.skipping = true;
				this.oversizedWhat = "";
			}
			else if (!this.skipping && this.frameBytes > Link.this.maxFrameSize) {
				this.skipping = true;
				ByteArrayOutputStream held = this.parts;
				this.oversizedWhat = (held != null) ? describe(held.toByteArray()) : describe(part);
				this.parts = null;
			}
			if (this.skipping) {
				if (last) {
					long size = this.frameBytes;
					boolean oversized = !this.oversizedWhat.isEmpty() || size > Link.this.maxFrameSize;
					String what = this.oversizedWhat;
					reset();
					if (oversized) {
						Link.this.receiver.onOversized(Link.this, size, Link.this.maxFrameSize, what);
					}
				}
				return null;
			}
			if (this.parts == null && last) {
				reset();
				return part;
			}
			if (this.parts == null) {
				this.parts = new ByteArrayOutputStream(Math.max(1024, 2 * part.remaining()));
			}
			byte[] bytes = new byte[part.remaining()];
			part.get(bytes);
			this.parts.writeBytes(bytes);
			if (!last) {
				return null;
			}
			ByteBuffer whole = ByteBuffer.wrap(this.parts.toByteArray());
			reset();
			return whole;
		}

		private void reset() {
			this.parts = null;
			this.frameBytes = 0;
			this.skipping = false;
			this.oversizedWhat = "";
		}

		@Override
		public @Nullable CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			touch();
			if (last) {
				Link.this.receiver.onMalformed(Link.this, "a text frame");
			}
			next(webSocket);
			return null;
		}

		@Override
		public @Nullable CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
			// The JDK client answers with a pong by itself.
			touch();
			next(webSocket);
			return null;
		}

		@Override
		public @Nullable CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
			touch();
			next(webSocket);
			return null;
		}

		@Override
		public @Nullable CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			Link.this.ends.linkLost(Link.this, null, statusCode, reason);
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			Link.this.ends.linkLost(Link.this, error, -1, "");
		}

	}

	/**
	 * The start of an oversized frame, read without decoding the rest: a pushed message names its
	 * channel and message id in its first bytes.
	 */
	static String describe(ByteBuffer start) {
		ByteBuffer copy = start.duplicate();
		byte[] bytes = new byte[Math.min(copy.remaining(), 256)];
		copy.get(bytes);
		return describe(bytes);
	}

	static String describe(byte[] start) {
		try {
			CodedInputStream in = CodedInputStream.newInstance(start, 0, Math.min(start.length, 256));
			while (!in.isAtEnd()) {
				int tag = in.readTag();
				int field = tag >>> 3;
				if (field == 6 && (tag & 7) == 2) {
					// channel_message: clan_id (1), channel_id (2), message_id (3) come first.
					in.readRawVarint32();
					long channelId = 0;
					long messageId = 0;
					for (int i = 0; i < 3 && !in.isAtEnd(); i++) {
						int inner = in.readTag();
						switch (inner >>> 3) {
							case 2 -> channelId = in.readInt64();
							case 3 -> messageId = in.readInt64();
							default -> in.skipField(inner);
						}
					}
					return "message " + messageId + " in channel " + channelId;
				}
				if (!in.skipField(tag)) {
					break;
				}
			}
		}
		catch (java.io.IOException | RuntimeException ex) {
			// Only the start of the frame is here: what cannot be read is not named.
		}
		return "a frame";
	}

	/** Where a link's frames go: straight to the router, on the reading thread. */
	interface Receiver {

		/** A whole binary frame (not yet decoded); the buffer is valid during the call only. */
		void onFrame(Link source, ByteBuffer frame);

		/** A frame that is not binary; the link stays up. */
		void onMalformed(Link source, String what);

		/**
		 * A frame over the size limit was dropped; the link stays up.
		 * @param size the frame's size in bytes
		 * @param limit the limit
		 * @param what what its start says it was ("message 12 in channel 34"), or "a frame"
		 */
		void onOversized(Link source, long size, int limit, String what);

	}

	/** Who hears of a link's end: the connection's state machine. */
	interface Ends {

		/**
		 * The connection ended.
		 * @param cause the failure, or {@code null} for a close
		 * @param closeCode the server's close code, -1 when there was no close frame
		 * @param closeReason the server's close reason, "" when none
		 */
		void linkLost(Link source, @Nullable Throwable cause, int closeCode, String closeReason);

	}

}
