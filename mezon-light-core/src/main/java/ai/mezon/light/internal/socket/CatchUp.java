package ai.mezon.light.internal.socket;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.mezon.light.CatchUpOptions;
import ai.mezon.light.MezonException;
import ai.mezon.light.proto.api.ChannelMessage;
import ai.mezon.light.session.DeliveryCursorStore;

/**
 * The catch-up side of a socket: per channel, the last message delivered and a window of recent
 * ids (duplicates are dropped), the cursor in the {@link DeliveryCursorStore}, and reading what
 * was missed from the history.
 *
 * <p>Deliveries of new messages go through {@link #deliver}, on the channel's lane (one at a time
 * per channel). Each carries the epoch it was queued in: {@link #fence()} (on disconnect) starts a
 * new epoch and waits for deliveries in progress, so nothing queued before it is delivered or
 * advances a cursor afterwards. Such messages are read again from the history at the next join;
 * with several instances, the one taking over finds every cursor final once the previous one has
 * fenced.
 */
final class CatchUp {

	private static final Logger logger = LoggerFactory.getLogger(CatchUp.class);

	/** Attempts of one catch-up read before giving up (the link may have just come back). */
	private static final int ATTEMPTS = 3;

	private final CatchUpOptions options;

	private final DeliveryCursorStore store;

	private final History history;

	private final Consumer<Throwable> errors;

	private final Map<Long, ChannelState> channels = new ConcurrentHashMap<>();

	private final ReentrantReadWriteLock fence = new ReentrantReadWriteLock();

	private volatile long epoch;

	CatchUp(CatchUpOptions options, History history, Consumer<Throwable> errors) {
		this.options = options;
		this.store = options.cursorStore();
		this.history = history;
		this.errors = errors;
	}

	/** @return the current epoch, to give to {@link #deliver} */
	long epoch() {
		return this.epoch;
	}

	/**
	 * Stops every delivery queued so far: waits for the ones running, then starts a new epoch.
	 */
	void fence() {
		this.fence.writeLock().lock();
		try {
			this.epoch++;
		}
		finally {
			this.fence.writeLock().unlock();
		}
	}

	/**
	 * Delivers a new message unless it is a duplicate or was queued before a fence, then advances
	 * the channel's cursor. Runs on the channel's lane.
	 * @param channelId the channel
	 * @param messageId the message
	 * @param queuedIn the epoch the delivery was queued in
	 * @param delivery calls the listeners
	 */
	void deliver(long channelId, long messageId, long queuedIn, Runnable delivery) {
		this.fence.readLock().lock();
		try {
			if (queuedIn != this.epoch) {
				logger.debug("Message {} of channel {} queued before a disconnect: left to the next catch-up",
						messageId, channelId);
				return;
			}
			ChannelState state = state(channelId);
			if (!state.firstTime(messageId)) {
				logger.debug("Duplicate message {} of channel {} dropped", messageId, channelId);
				return;
			}
			try {
				delivery.run();
			}
			finally {
				advance(channelId, messageId);
			}
		}
		finally {
			this.fence.readLock().unlock();
		}
	}

	private void advance(long channelId, long messageId) {
		try {
			this.store.advance(this.options.scope(), channelId, messageId);
		}
		catch (RuntimeException ex) {
			// Store messages name keys and SQL, never tokens.
			this.errors.accept(new MezonException("Could not record message " + messageId + " of channel " + channelId
					+ " as delivered: " + ex, ex));
		}
	}

	/**
	 * Reads the messages of a channel after its cursor, oldest first, at most
	 * {@code maxMessages}. Blocking (REST calls); runs on the socket's pool once the join is
	 * answered. Never throws: failures are reported and read as nothing.
	 * @param channelId the channel just joined
	 * @return the missed messages, oldest first
	 */
	List<ChannelMessage> missed(long channelId, boolean fromStart) {
		for (int attempt = 1;; attempt++) {
			try {
				return read(channelId, fromStart);
			}
			catch (RuntimeException ex) {
				if (attempt >= ATTEMPTS) {
					this.errors.accept(new MezonException("Catching up channel " + channelId + " failed after "
							+ attempt + " attempts; messages sent while away may be missing: " + ex.getMessage(), ex));
					return List.of();
				}
				logger.debug("Catching up channel {} failed (attempt {}): {}", channelId, attempt, ex.toString());
				try {
					Thread.sleep(250L * attempt);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return List.of();
				}
			}
		}
	}

	private List<ChannelMessage> read(long channelId, boolean fromStart) {
		ChannelState state = state(channelId);
		OptionalLong stored = this.store.lastDelivered(this.options.scope(), channelId);
		long anchor = Math.max(state.lastDelivered(), stored.orElse(0));
		if (anchor <= 0 && fromStart) {
			// A channel new to the bot (announced to it, or created while it was away): everything in it
			// was written to the bot, including what came before the join did.
			List<ChannelMessage> all = this.history.after(channelId, 0, Math.min(this.options.pageSize(),
					this.options.maxMessages()))
				.stream()
				.sorted(Comparator.comparingLong(ChannelMessage::getMessageId))
				.toList();
			if (!all.isEmpty()) {
				logger.debug("Channel {} is new: catching up its {} message(s) from the start", channelId, all.size());
			}
			return all;
		}
		if (anchor <= 0) {
			// Never delivered anything here: start from the channel's latest message, not its beginning.
			List<ChannelMessage> latest = this.history.latest(channelId);
			latest.stream().mapToLong(ChannelMessage::getMessageId).max().ifPresent((id) -> {
				this.store.advance(this.options.scope(), channelId, id);
				logger.debug("Channel {} has no delivery cursor yet: starting after message {}", channelId, id);
			});
			return List.of();
		}
		List<ChannelMessage> missed = new ArrayList<>();
		int max = this.options.maxMessages();
		boolean more = false;
		while (missed.size() < max) {
			int limit = Math.min(this.options.pageSize(), max - missed.size());
			long from = anchor;
			// Servers answer newest first or oldest first: sort, and keep only what is after the anchor.
			List<ChannelMessage> page = this.history.after(channelId, from, limit)
				.stream()
				.filter((message) -> message.getMessageId() > from)
				.sorted(Comparator.comparingLong(ChannelMessage::getMessageId))
				.toList();
			missed.addAll(page);
			if (page.size() < limit) {
				more = false;
				break;
			}
			more = true;
			anchor = page.get(page.size() - 1).getMessageId();
		}
		if (more) {
			this.errors.accept(new MezonException("Caught up " + missed.size() + " messages of channel " + channelId
					+ " (mezon catch-up max-messages); older missed messages beyond that were skipped"));
		}
		if (!missed.isEmpty()) {
			logger.debug("Catching up {} message(s) of channel {} after {}", missed.size(), channelId, anchor);
		}
		return missed;
	}

	private ChannelState state(long channelId) {
		return this.channels.computeIfAbsent(channelId, (id) -> new ChannelState(this.options.dedupeWindow()));
	}

	/** Reads a channel's history. */
	interface History {

		/** @return up to {@code limit} messages newer than {@code anchor}; the latest ones for anchor 0 */
		List<ChannelMessage> after(long channelId, long anchor, int limit);

		/** @return the channel's latest message, if any */
		List<ChannelMessage> latest(long channelId);

	}

	/**
	 * A channel's last delivered id and the ids of its last {@code window} deliveries, to drop
	 * repeats. The ids sit in a ring of primitive longs: a new message almost always has an id above
	 * every id seen so far, and such an id cannot be a repeat, so it is only written into the ring
	 * (no lookup, no boxing); only an id at or below the highest one is looked up, by a scan of the
	 * ring. A {@code HashSet<Long>} of the window was ~25 % of a starter's delivery cost in 100
	 * channels (BENCHMARKS.md, round 4): a hash lookup and an eviction per message over 100 sets of
	 * 1 024 boxed ids, out of the CPU's caches.
	 */
	static final class ChannelState {

		/** Where a ring starts: it grows to the window as ids come, as most channels see few. */
		private static final int INITIAL_CAPACITY = 16;

		private final int window;

		private long[] ring;

		/** Where the next id is written; the oldest one once the ring is full. */
		private int next;

		private int size;

		/** The highest id delivered, written under the monitor and read by catch-up. */
		private volatile long lastDelivered;

		ChannelState(int window) {
			this.window = Math.max(1, window);
			this.ring = new long[Math.min(this.window, INITIAL_CAPACITY)];
		}

		long lastDelivered() {
			return this.lastDelivered;
		}

		/** @return whether the id is new; if so it is remembered */
		synchronized boolean firstTime(long messageId) {
			// By id, not "at or below the last one": a server made of several nodes may push a
			// channel's messages slightly out of id order, and those must not be lost. A catch-up reads
			// only after the last delivered id, so a repeat can only be a push that is also in the
			// history, queued a little earlier: well within the window.
			if (messageId <= this.lastDelivered && contains(messageId)) {
				return false;
			}
			if (this.size == this.ring.length && this.ring.length < this.window) {
				// Full but not yet the window: it has never wrapped, so the ids are in order from 0.
				this.ring = Arrays.copyOf(this.ring, (int) Math.min(this.window, 2L * this.ring.length));
				this.next = this.size;
			}
			this.ring[this.next] = messageId;
			this.next = (this.next + 1 == this.ring.length) ? 0 : this.next + 1;
			this.size = Math.min(this.size + 1, this.ring.length);
			if (messageId > this.lastDelivered) {
				this.lastDelivered = messageId;
			}
			return true;
		}

		private boolean contains(long messageId) {
			for (int i = 0; i < this.size; i++) {
				if (this.ring[i] == messageId) {
					return true;
				}
			}
			return false;
		}

	}

}
