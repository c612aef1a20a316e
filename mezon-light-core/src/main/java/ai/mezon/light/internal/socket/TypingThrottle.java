package ai.mezon.light.internal.socket;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;

/**
 * Lets at most one typing indicator per channel through per interval, so a caller calling
 * {@code sendTyping} in a loop (e.g. on every keystroke) cannot flood the server. A slot is taken
 * atomically, so of many concurrent callers exactly one sends; a send that fails gives its slot
 * back so the next call can retry at once.
 */
final class TypingThrottle {

	/** Past this many remembered channels, those whose interval has passed are forgotten. */
	private static final int PRUNE_THRESHOLD = 1024;

	private final long intervalNanos;

	private final LongSupplier nanoTime;

	private final Map<Long, Long> lastSent = new ConcurrentHashMap<>();

	TypingThrottle(Duration interval, LongSupplier nanoTime) {
		this.intervalNanos = interval.toNanos();
		this.nanoTime = nanoTime;
	}

	/**
	 * Takes the channel's slot when the interval since the last indicator sent there has passed.
	 * @param channelId the channel
	 * @return the slot's stamp to {@link #release} on failure, or {@code null} when the caller
	 * must not send
	 */
	@Nullable Long tryAcquire(long channelId) {
		long now = this.nanoTime.getAsLong();
		if (this.intervalNanos == 0) {
			return now;
		}
		@Nullable Long[] taken = new Long[1];
		this.lastSent.compute(channelId, (id, previous) -> {
			if (previous == null || now - previous >= this.intervalNanos) {
				taken[0] = now;
				return now;
			}
			return previous;
		});
		if (taken[0] != null && this.lastSent.size() > PRUNE_THRESHOLD) {
			this.lastSent.values().removeIf((sent) -> now - sent >= this.intervalNanos);
		}
		return taken[0];
	}

	/**
	 * Gives a slot back after its indicator failed, unless a later one took it meanwhile.
	 * @param channelId the channel
	 * @param stamp the stamp {@link #tryAcquire} returned
	 */
	void release(long channelId, long stamp) {
		this.lastSent.remove(channelId, stamp);
	}

}
