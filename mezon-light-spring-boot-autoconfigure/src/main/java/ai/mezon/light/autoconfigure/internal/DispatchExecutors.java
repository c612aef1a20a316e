package ai.mezon.light.autoconfigure.internal;

import java.util.concurrent.Executor;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.thread.Threading;
import org.springframework.core.env.Environment;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

import ai.mezon.light.autoconfigure.MezonProperties;

/**
 * Chooses where socket handlers and event listeners run. The socket's dispatcher keeps one lane
 * per channel, so any executor keeps one channel's events in order; this only picks the threads.
 *
 * <p>Not Boot's {@code applicationTaskExecutor}: its bounded pool is shared with {@code @Async}
 * work, and a busy one would delay (or, once its queue is full, reject) incoming messages.
 */
public final class DispatchExecutors {

	private static final Logger logger = LoggerFactory.getLogger(DispatchExecutors.class);

	private DispatchExecutors() {
	}

	/**
	 * @param configured {@code mezon.events.executor}, or {@code null} to follow
	 * {@code spring.threads.virtual.enabled}
	 * @param environment the environment
	 * @return a virtual-thread executor, or {@code null} for the socket's own platform threads
	 */
	public static @Nullable Executor resolve(MezonProperties.Events.@Nullable Executor configured,
			Environment environment) {
		boolean virtual = (configured != null) ? configured == MezonProperties.Events.Executor.VIRTUAL
				: Threading.VIRTUAL.isActive(environment);
		if (!virtual) {
			return null;
		}
		if (Runtime.version().feature() < 21) {
			logger.warn("mezon.events.executor=virtual needs Java 21+; using the socket's platform threads");
			return null;
		}
		SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("mezon-events-");
		executor.setVirtualThreads(true);
		return executor;
	}

}
