package ai.mezon.light.internal.socket;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RejectedExecutionException;

/**
 * The threads that complete the futures callers get back from the socket ({@code mezon-callback-N},
 * daemons, shared by every socket), so that no caller code runs on the reading or timer thread.
 *
 * <p>Why a {@link ForkJoinPool} and not the socket's pool: the socket's pool hands each task to a
 * waiting thread through a {@code SynchronousQueue}, a thread wake-up (often a new thread) per
 * completed request; with many requests in flight that was 1.6-1.9 context switches and ~4 µs of
 * CPU per message (BENCHMARKS.md, issue #15). The fork-join pool's workers take queued completions
 * one after another while there are any, the way {@code CompletableFuture}'s own default executor
 * and JDA's callback pool do. {@code join()} or {@code get()} inside a callback is safe: the pool
 * adds a thread while one waits that way ({@link ForkJoinPool#managedBlock}). A callback that
 * blocks otherwise holds one of the few workers, so slow work belongs on the caller's executor
 * ({@code thenApplyAsync(fn, executor)}).
 */
final class CallbackPool {

	private static final ForkJoinPool pool = new ForkJoinPool(Math.max(2, Runtime.getRuntime().availableProcessors()),
			CallbackPool::newThread, null, true);

	private CallbackPool() {
	}

	/**
	 * Runs a completion on the pool; on the calling thread only if the pool refuses it (it never
	 * shuts down, so only when it cannot start a thread).
	 */
	static void execute(Runnable completion) {
		try {
			pool.execute(completion);
		}
		catch (RejectedExecutionException ex) {
			completion.run();
		}
	}

	private static ForkJoinWorkerThread newThread(ForkJoinPool owner) {
		// Not the default factory: its workers get the system class loader as their context class
		// loader, which in a Spring Boot executable jar cannot see the application's classes, and
		// callers' callbacks (ServiceLoader, Jackson modules, JNDI...) would fail there. The loader of
		// the SDK's own classes is the application's.
		ForkJoinWorkerThread thread = new ForkJoinWorkerThread(owner) {
		};
		thread.setName("mezon-callback-" + thread.getPoolIndex());
		thread.setDaemon(true);
		thread.setContextClassLoader(CallbackPool.class.getClassLoader());
		return thread;
	}

}
