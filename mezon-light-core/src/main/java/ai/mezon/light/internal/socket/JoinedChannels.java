package ai.mezon.light.internal.socket;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.mezon.light.Ids;
import ai.mezon.light.MezonServerErrorException;
import ai.mezon.light.SocketListener;
import ai.mezon.light.message.ChannelAddedEvent;
import ai.mezon.light.message.ChannelType;
import ai.mezon.light.proto.realtime.Envelope;

/**
 * The channels this socket is in, and the way back into them: joins and leaves are remembered
 * (in memory, and in a {@link ChannelMemory} that may outlive the process), every reconnect rejoins them,
 * the first connect restores what the memory knows (channels joined before a restart, and the
 * channels the server lists for the user, which includes those created while the bot was away),
 * and a channel the server announces for this user is joined when auto-join is on.
 *
 * <p>A channel that should be joined and whose (re)join failed is kept as missing, logged at WARN
 * once per failure, tried again at the next reconnect, and reported by {@link #missingChannels()}.
 *
 * <p>Threads: joins complete on the reading or timer thread and only update the maps; the memory
 * (store calls, the channel list: blocking) is called on the pool.
 */
final class JoinedChannels {

	private static final Logger logger = LoggerFactory.getLogger(JoinedChannels.class);

	private final Map<Long, ChannelType> joined = new ConcurrentHashMap<>();

	private final Map<Long, ChannelType> missing = new ConcurrentHashMap<>();

	private final CatchUpOnJoin catchUpOnJoin;

	private final SocketListeners listeners;

	private final EventDispatcher dispatcher;

	private final Executor pool;

	private final SessionAccess session;

	private final boolean autoJoin;

	private final Duration rejoinTimeout;

	private final ChannelMemory memory;

	private volatile Joiner joiner = (id, type, fromStart) -> CompletableFuture
		.failedFuture(new IllegalStateException("not wired"));

	private volatile RequestOn requestOn = (link, body, operation, timeout) -> CompletableFuture
		.failedFuture(new IllegalStateException("not wired"));

	JoinedChannels(CatchUpOnJoin catchUpOnJoin, SocketListeners listeners, EventDispatcher dispatcher, Executor pool,
			SessionAccess session, boolean autoJoin, Duration rejoinTimeout, ChannelMemory memory) {
		this.catchUpOnJoin = catchUpOnJoin;
		this.listeners = listeners;
		this.dispatcher = dispatcher;
		this.pool = pool;
		this.session = session;
		this.autoJoin = autoJoin;
		this.rejoinTimeout = rejoinTimeout;
		this.memory = memory;
	}

	/** Wiring: how to join (a request through the connection) and how to send on a given link. */
	void wire(Joiner joiner, RequestOn requestOn) {
		this.joiner = joiner;
		this.requestOn = requestOn;
	}

	/**
	 * Sends a join with catch-up around it and remembers the channel once joined.
	 * @param fromStart whether a channel without a cursor is caught up from its start (new to the bot)
	 * @param sendJoin sends the join request
	 * @return completes once joined
	 */
	CompletableFuture<Void> join(long id, ChannelType type, boolean fromStart,
			Supplier<CompletableFuture<Envelope>> sendJoin) {
		return this.catchUpOnJoin.join(id, fromStart, sendJoin).thenApply((reply) -> {
			joined(id, type);
			return null;
		});
	}

	void left(long id) {
		this.joined.remove(id);
		this.missing.remove(id);
		onPool(() -> this.memory.left(id));
	}

	private void joined(long id, ChannelType type) {
		boolean known = this.joined.put(id, type) != null;
		this.missing.remove(id);
		if (!known) {
			onPool(() -> this.memory.joined(id, type));
		}
	}

	private void failed(long id, ChannelType type, Throwable ex) {
		this.joined.remove(id);
		this.missing.put(id, type);
		if (ex instanceof MezonServerErrorException) {
			// Refused by the server (not a member, or no such channel on a server that lost its state):
			// no longer remembered for later restarts, but shown as missing here until a reconnect.
			logger.warn("Joining channel {} ({}) was refused by the server; it is forgotten: {}", id,
					SocketRequests.describe(type), SocketErrors.describe(ex));
			onPool(() -> this.memory.left(id));
		}
		else {
			logger.warn("Joining channel {} ({}) failed; it stays missing until the next reconnect: {}", id,
					SocketRequests.describe(type), SocketErrors.describe(ex));
		}
	}

	/**
	 * A link is up: rejoin on it what this socket was in (reconnect), or restore what the memory
	 * knows (first connect, in the background: a bot in thousands of channels must not hold up its
	 * start). Either way the memory is asked for channels not joined yet.
	 * @return completes, never exceptionally, with the number of channels rejoined on the link
	 */
	CompletableFuture<Integer> linkUp(Link link, boolean initial) {
		if (initial) {
			onPool(() -> restore(true));
			return CompletableFuture.completedFuture(0);
		}
		Map<Long, ChannelType> all = new LinkedHashMap<>(this.missing);
		all.putAll(this.joined);
		AtomicInteger rejoined = new AtomicInteger();
		List<CompletableFuture<?>> joins = new ArrayList<>();
		for (Map.Entry<Long, ChannelType> entry : all.entrySet()) {
			long id = entry.getKey();
			ChannelType type = entry.getValue();
			joins.add(this.catchUpOnJoin
				.join(id, false, () -> this.requestOn.request(link, FrameMapper.join(id, type), "Rejoin channel " + id,
						this.rejoinTimeout))
				.handle((reply, ex) -> {
					if (ex != null) {
						failed(id, type, SocketErrors.unwrap(ex));
						this.listeners.reportError(SocketErrors.unwrap(ex));
					}
					else {
						joined(id, type);
						rejoined.incrementAndGet();
					}
					return null;
				}));
		}
		return CompletableFuture.allOf(joins.toArray(CompletableFuture[]::new)).handle((ignored, ex) -> {
			// New channels (announced while we were away) are found after the known ones are back.
			onPool(() -> restore(false));
			return rejoined.get();
		});
	}

	/**
	 * Joins what the memory knows and this socket is not in yet. A channel only the server's list
	 * names was created (or the bot added to it) while the bot was away: it is caught up from its
	 * start, unless this is a bot's first start, when every listed channel is old news. Runs on the
	 * pool.
	 */
	private void restore(boolean initial) {
		ChannelMemory.Restore plan;
		try {
			plan = this.memory.channelsToRestore();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not read the channels to rejoin: {}", SocketErrors.describe(ex));
			this.listeners.reportError(ex);
			return;
		}
		int count = 0;
		for (Map.Entry<Long, ChannelType> entry : plan.channels().entrySet()) {
			long id = entry.getKey();
			ChannelType type = entry.getValue();
			if (this.joined.containsKey(id)) {
				continue;
			}
			count++;
			boolean fromStart = plan.unknown().contains(id) && (plan.rememberedAny() || !initial);
			this.joiner.join(id, type, fromStart).whenComplete((ignored, ex) -> {
				if (ex != null) {
					failed(id, type, SocketErrors.unwrap(ex));
				}
			});
		}
		if (count > 0) {
			logger.info("Joining {} channel(s) this user is in", count);
		}
	}

	/** A channel was created or someone was added to one: auto-join if it is for us, then tell. */
	void channelAdded(ChannelAddedEvent event) {
		String self = this.session.userId();
		boolean forUs = event.addedUserIds().contains(self);
		ChannelType type = event.channelType();
		if (this.autoJoin && forUs && type != null && !event.channelId().isEmpty()) {
			long id;
			try {
				id = Ids.parse("channelId", event.channelId());
			}
			catch (IllegalArgumentException ex) {
				this.listeners.reportError(ex);
				deliver(event);
				return;
			}
			// Just created for us: what was written before the join went out is ours too.
			this.joiner.join(id, type, true).whenComplete((ignored, ex) -> {
				if (ex != null) {
					failed(id, type, SocketErrors.unwrap(ex));
					this.listeners.reportError(SocketErrors.unwrap(ex));
				}
				deliver(event.withJoined(ex == null));
			});
		}
		else {
			deliver(event);
		}
	}

	/**
	 * Users were removed from a channel: when this user is one of them, the channel is forgotten (it
	 * is not rejoined after a reconnect or a restart).
	 */
	void removed(long channelId, List<Long> userIds) {
		long self;
		try {
			self = Long.parseLong(this.session.userId());
		}
		catch (NumberFormatException ex) {
			return;
		}
		if (userIds.contains(self) && (this.joined.containsKey(channelId) || this.missing.containsKey(channelId))) {
			logger.info("Removed from channel {}: it is not rejoined any more", channelId);
			left(channelId);
		}
	}

	private void deliver(ChannelAddedEvent event) {
		this.dispatcher.dispatchControl(() -> this.listeners.deliver(SocketListener::onChannelAdded, event));
	}

	/** The socket stopped: it is in no channel any more (the memory keeps them for a later restore). */
	void clear() {
		this.joined.clear();
		this.missing.clear();
	}

	Set<String> joinedChannels() {
		return this.joined.keySet().stream().map(Ids::format).collect(Collectors.toUnmodifiableSet());
	}

	/** @return the channels that should be joined and are not: their last join or rejoin failed */
	Set<String> missingChannels() {
		return this.missing.keySet().stream().map(Ids::format).collect(Collectors.toUnmodifiableSet());
	}

	int size() {
		return this.joined.size();
	}

	private void onPool(Runnable task) {
		Runnable guarded = () -> {
			try {
				task.run();
			}
			catch (RuntimeException ex) {
				logger.warn("Remembering channel membership failed: {}", SocketErrors.describe(ex));
			}
		};
		try {
			this.pool.execute(guarded);
		}
		catch (RejectedExecutionException ex) {
			guarded.run();
		}
	}

	/** Joins a channel through the connection (queued while it is down). */
	@FunctionalInterface
	interface Joiner {

		CompletableFuture<Void> join(long channelId, ChannelType type, boolean fromStart);

	}

	/** Sends a request on a given link, before the connection is {@code CONNECTED}. */
	@FunctionalInterface
	interface RequestOn {

		CompletableFuture<Envelope> request(Link link, Envelope body, String operation, Duration timeout);

	}

}
