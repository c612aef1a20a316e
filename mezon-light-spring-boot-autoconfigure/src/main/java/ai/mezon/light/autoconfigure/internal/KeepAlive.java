package ai.mezon.light.autoconfigure.internal;

import java.util.concurrent.CountDownLatch;

import org.jspecify.annotations.Nullable;

/**
 * One non-daemon thread that does nothing but wait, so the JVM stays up while the socket should
 * be connected: the socket's own threads (I/O, heartbeat, dispatch) are daemons, and an
 * application without a web server would otherwise exit right after start-up. Spring Kafka's
 * listener containers and Boot's {@code spring.main.keep-alive} do the same.
 *
 * <p>{@link #start()} and {@link #stop()} are idempotent and may be called from any thread; the
 * thread itself (named {@value #THREAD_NAME}) only parks on a latch, so it costs no CPU. It ends
 * when {@link #stop()} is called, which the owning lifecycle does when the context closes (also on
 * SIGTERM, through Boot's shutdown hook).
 */
public final class KeepAlive {

	/** The name of the thread, as seen in thread dumps. */
	public static final String THREAD_NAME = "mezon-keep-alive";

	private final Object monitor = new Object();

	private @Nullable CountDownLatch release;

	private @Nullable Thread thread;

	/** Starts the thread, unless it runs already. */
	public void start() {
		synchronized (this.monitor) {
			if (this.release != null) {
				return;
			}
			CountDownLatch latch = new CountDownLatch(1);
			Thread thread = new Thread(() -> awaitRelease(latch), THREAD_NAME);
			// The point of this thread: the JVM does not exit while a non-daemon thread lives.
			thread.setDaemon(false);
			this.release = latch;
			this.thread = thread;
			thread.start();
		}
	}

	/** Lets the thread end, if it runs; returns at once. */
	public void stop() {
		synchronized (this.monitor) {
			if (this.release != null) {
				this.release.countDown();
				this.release = null;
				this.thread = null;
			}
		}
	}

	/** @return whether the thread was started and not stopped since */
	public boolean isRunning() {
		synchronized (this.monitor) {
			return this.release != null;
		}
	}

	/** @return the thread while running, for tests */
	@Nullable Thread thread() {
		synchronized (this.monitor) {
			return this.thread;
		}
	}

	private static void awaitRelease(CountDownLatch latch) {
		while (true) {
			try {
				latch.await();
				return;
			}
			catch (InterruptedException ex) {
				// Only stop() ends the thread: an interrupt from elsewhere must not let the JVM exit
				// while the socket should be running.
			}
		}
	}

}
