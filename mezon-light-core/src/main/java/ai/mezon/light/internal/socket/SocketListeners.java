package ai.mezon.light.internal.socket;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.mezon.light.ConnectionState;
import ai.mezon.light.MezonException;
import ai.mezon.light.SocketListener;
import ai.mezon.light.Subscription;

/**
 * Who hears from a socket: its listeners, its error handler and its disconnect handler, and how
 * each is called. A listener or handler that throws never stops the others: the failure is
 * reported as an error instead.
 *
 * <p>No lock: the listener list is copy-on-write and the handlers are volatile, because
 * listeners are added, and handlers set, from any thread while events are delivered. Events
 * ({@link #deliver}) are called on the lane the dispatcher runs them on; errors, state changes
 * and disconnects are queued on the control lane, so calling those from under the connection's
 * lock only enqueues.
 */
final class SocketListeners {

	private static final Logger logger = LoggerFactory.getLogger(SocketListeners.class);

	private final List<SocketListener> listeners = new CopyOnWriteArrayList<>();

	/** The dispatcher's control lane: one task at a time, in order, never on the caller's thread. */
	private final Executor controlLane;

	private volatile @Nullable Consumer<Throwable> errorHandler;

	private volatile @Nullable Runnable disconnectHandler;

	SocketListeners(Executor controlLane) {
		this.controlLane = controlLane;
	}

	Subscription add(SocketListener listener) {
		Objects.requireNonNull(listener, "listener");
		this.listeners.add(listener);
		return () -> this.listeners.remove(listener);
	}

	void setErrorHandler(@Nullable Consumer<Throwable> handler) {
		this.errorHandler = handler;
	}

	void setDisconnectHandler(@Nullable Runnable handler) {
		this.disconnectHandler = handler;
	}

	/** Calls every listener with an event, here and now: the caller is already on the event's lane. */
	<T> void deliver(BiConsumer<SocketListener, T> method, T event) {
		for (SocketListener listener : this.listeners) {
			try {
				method.accept(listener, event);
			}
			catch (RuntimeException ex) {
				reportHandlerFailure(ex);
			}
		}
	}

	void reportHandlerFailure(Throwable ex) {
		reportError(new MezonException("A socket handler threw " + ex.getClass().getSimpleName()
				+ ": " + ex.getMessage(), ex));
	}

	/** Tells the error handler and listeners, on the control lane. */
	void reportError(Throwable error) {
		this.controlLane.execute(() -> {
			Consumer<Throwable> handler = this.errorHandler;
			if (handler != null) {
				try {
					handler.accept(error);
				}
				catch (RuntimeException ex) {
					logger.warn("Socket error handler threw", ex);
				}
			}
			for (SocketListener listener : this.listeners) {
				try {
					listener.onError(error);
				}
				catch (RuntimeException ex) {
					logger.warn("Socket listener {} threw from onError", listener, ex);
				}
			}
			if (handler == null && this.listeners.isEmpty()) {
				logger.warn("Socket error: {}", error.getMessage());
			}
		});
	}

	/** Queues the state change for the listeners on the control lane; safe under the supervisor's lock. */
	void stateChanged(ConnectionState previous, ConnectionState next) {
		this.controlLane.execute(() -> {
			for (SocketListener listener : this.listeners) {
				try {
					listener.onConnectionStateChanged(previous, next);
				}
				catch (RuntimeException ex) {
					reportHandlerFailure(ex);
				}
			}
		});
	}

	/** Queues the disconnect handler, if any, on the control lane. */
	void disconnected() {
		Runnable handler = this.disconnectHandler;
		if (handler != null) {
			this.controlLane.execute(handler);
		}
	}

}
