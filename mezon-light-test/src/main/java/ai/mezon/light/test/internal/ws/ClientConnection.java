package ai.mezon.light.test.internal.ws;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.websocket.CloseReason;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client socket on the server: who it is, what it joined, and its outbound queue. The
 * container's async remote forbids a send while another is in flight, so frames queue and the
 * completion of one send starts the next; any thread may enqueue without a lock.
 */
final class ClientConnection {

	private static final Logger logger = LoggerFactory.getLogger(ClientConnection.class);

	private static final Executor RETRY = CompletableFuture.delayedExecutor(1, TimeUnit.MILLISECONDS);

	final long id;

	final long userId;

	final String username;

	final Set<Long> joined = ConcurrentHashMap.newKeySet();

	private final Session session;

	private final Deque<ByteBuffer> outbound = new ConcurrentLinkedDeque<>();

	private final AtomicBoolean sending = new AtomicBoolean();

	ClientConnection(long id, long userId, String username, Session session) {
		this.id = id;
		this.userId = userId;
		this.username = username;
		this.session = session;
	}

	/** Queues a frame; safe from any thread. */
	void enqueue(byte[] frame) {
		this.outbound.add(ByteBuffer.wrap(frame));
		if (this.sending.compareAndSet(false, true)) {
			sendNext();
		}
	}

	private void sendNext() {
		while (true) {
			ByteBuffer next = this.outbound.poll();
			if (next == null) {
				this.sending.set(false);
				if (this.outbound.isEmpty() || !this.sending.compareAndSet(false, true)) {
					return;
				}
				continue;
			}
			if (!this.session.isOpen()) {
				this.outbound.clear();
				this.sending.set(false);
				return;
			}
			try {
				this.session.getAsyncRemote().sendBinary(next, this::sent);
			}
			catch (IllegalStateException ex) {
				// Tomcat may call a send's completion handler before its remote endpoint has left
				// the writing state: a send started from the handler is then refused. Put the frame
				// back and try again a moment later; dropping the flag here instead would strand the
				// queue until some other frame is enqueued.
				this.outbound.addFirst(next);
				RETRY.execute(this::sendNext);
			}
			catch (RuntimeException ex) {
				logger.debug("Send to connection {} failed: {}", this.id, ex.toString());
				this.outbound.clear();
				this.sending.set(false);
			}
			return;
		}
	}

	private void sent(SendResult result) {
		if (!result.isOK()) {
			logger.debug("Send to connection {} failed: {}", this.id, String.valueOf(result.getException()));
			this.outbound.clear();
			this.sending.set(false);
			return;
		}
		// Tomcat dispatches completions that happen inline, so this does not recurse unboundedly.
		this.sending.set(false);
		if (!this.outbound.isEmpty() && this.sending.compareAndSet(false, true)) {
			sendNext();
		}
	}

	boolean isOpen() {
		return this.session.isOpen();
	}

	/** Closes the socket as a server going away would. */
	void drop() {
		close(CloseReason.CloseCodes.GOING_AWAY.getCode(), "dropped by the test server");
	}

	/** Closes the socket with a close code and reason of the test's choice. */
	void close(int code, String reason) {
		try {
			this.session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Dropping connection {} failed: {}", this.id, ex.toString());
		}
	}

	@Override
	public String toString() {
		return "ClientConnection[" + this.id + ", user " + this.userId + "]";
	}

}
