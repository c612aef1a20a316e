package ai.mezon.light.internal.socket;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.jspecify.annotations.Nullable;

/**
 * Backpressure between the dispatcher and the current link, with one owner of each side: the
 * dispatcher decides (its queue is full, or drained to half), the link reads. The link asks
 * {@link #mayRead()} before reading the next frame; a resume wakes the current link.
 *
 * <p>A pause needs no call: the link sees it before its next read. A resume is handed to the pool,
 * because waking a link may read buffered frames on the calling thread, which must not be a
 * handler's. A stale resume (the queue filled again meanwhile) finds {@link #mayRead()} false and
 * does nothing.
 */
final class ReadFlow implements EventDispatcher.FlowControl {

	private final Executor pool;

	private volatile @Nullable EventDispatcher dispatcher;

	private volatile @Nullable Link current;

	ReadFlow(Executor pool) {
		this.pool = pool;
	}

	void setDispatcher(EventDispatcher dispatcher) {
		this.dispatcher = dispatcher;
		dispatcher.setFlowControl(this);
	}

	/** The link now read from; earlier links are no longer woken. */
	void setCurrent(Link link) {
		this.current = link;
	}

	@Nullable Link current() {
		return this.current;
	}

	/** @return whether the link may read its next frame: the dispatcher has room */
	boolean mayRead() {
		EventDispatcher target = this.dispatcher;
		return target == null || !target.isPaused();
	}

	@Override
	public void pauseReading() {
		// Seen by the link before its next read.
	}

	@Override
	public void resumeReading() {
		Link link = this.current;
		if (link != null) {
			try {
				this.pool.execute(link::wake);
			}
			catch (RejectedExecutionException ex) {
				link.wake();
			}
		}
	}

}
