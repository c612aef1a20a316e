package ai.mezon.light.internal.socket;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.mezon.light.Ids;
import ai.mezon.light.LightClient;
import ai.mezon.light.message.ChannelType;
import ai.mezon.light.message.MezonChannel;
import ai.mezon.light.session.JoinedChannelStore;

/**
 * Which channels a socket must join again once it is connected, and the record of the channels it
 * is in: after a restart the server joins a client to nothing (PROTOCOL.md §4), so the bot has to
 * remember its channels itself ({@link JoinedChannelStore}, beside the delivery cursors) and may
 * ask the server for them ({@code ListChannelDescs}, which also finds a DM created while it was
 * offline).
 *
 * <p>How the socket uses it:
 * <ul>
 * <li>{@link #joined} after every join the server confirmed (a first join, an auto-join on
 * {@code user_channel_added_event}, a rejoin); {@link #left} after a leave the server confirmed,
 * on {@code user_channel_removed_event}, and for a rejoin the server refused for good (not a
 * member any more);</li>
 * <li>{@link #toRejoin()} once a connection is up, before going live: the union of the channels
 * joined in this process, the stored ones and, when a lister is given, the listed ones; the socket
 * joins each (catching up from its cursor) and reports every outcome back with {@link #joined} or
 * {@link #left}.</li>
 * </ul>
 *
 * <p>Nothing here stops a connection: a store or a listing that fails is logged as a WARN and the
 * other sources are used ({@link Plan#problems()} says what was missing). Channels joined in this
 * process are also kept in memory, so a store that fails to write loses nothing before a restart.
 *
 * <p>Threads: every method may block, {@link #toRejoin()} on REST calls (one per 100 listed
 * channels, each bounded by the client's request timeout) and store reads, {@link #joined} and
 * {@link #left} on a store write. Call them from a worker thread, never from the WebSocket's I/O
 * thread nor the event dispatch thread. Safe to call from several threads at once.
 */
public final class ChannelMembership implements ChannelMemory {

	private static final Logger logger = LoggerFactory.getLogger(ChannelMembership.class);

	private final @Nullable JoinedChannelStore store;

	private final String scope;

	private final @Nullable ChannelLister lister;

	// Channels joined (and not left) in this process: survives a failing store until a restart.
	private final Map<Long, ChannelType> known = new ConcurrentHashMap<>();

	/**
	 * @param store where the joined channels are kept, or {@code null} to keep them in this process only
	 * @param scope whose channels in the store (the Spring Boot starter uses the session key, as for cursors)
	 * @param lister how to list the user's DMs and groups from the server, e.g.
	 * {@code LightClient::listDirectChannels}, or {@code null} to rejoin only what was recorded
	 */
	public ChannelMembership(@Nullable JoinedChannelStore store, String scope, @Nullable ChannelLister lister) {
		this.store = store;
		this.scope = Objects.requireNonNull(scope, "scope");
		this.lister = lister;
	}

	/**
	 * Records a channel the server confirmed this socket joined.
	 * @param channelId the channel, positive
	 * @param type its kind
	 */
	@Override
	public void joined(long channelId, ChannelType type) {
		if (channelId <= 0) {
			throw new IllegalArgumentException("A channel id is positive, was " + channelId);
		}
		// Kept in memory first: rejoined after a reconnect even if the store fails below.
		this.known.put(channelId, type);
		if (this.store != null) {
			// Written on every confirmed join (stores make it idempotent), so a write that failed
			// once is made again by the next rejoin.
			try {
				this.store.channelJoined(this.scope, channelId, type);
			}
			catch (RuntimeException ex) {
				logger.warn("Could not record the joined channel {} in {} (scope '{}'): {}", channelId, this.store,
						this.scope, ex.toString());
			}
		}
	}

	/**
	 * Forgets a channel the socket left or may no longer join.
	 * @param channelId the channel
	 */
	@Override
	public void left(long channelId) {
		this.known.remove(channelId);
		if (this.store != null) {
			try {
				this.store.channelLeft(this.scope, channelId);
			}
			catch (RuntimeException ex) {
				logger.warn("Could not forget the channel {} in {} (scope '{}'): {}", channelId, this.store, this.scope,
						ex.toString());
			}
		}
	}

	/** @return the channels joined in this process and not left, by id */
	public Map<Long, ChannelType> joinedHere() {
		return Collections.unmodifiableMap(new LinkedHashMap<>(this.known));
	}

	/**
	 * The channels to join after a connection opens: those joined in this process, then the stored
	 * ones, then the listed ones; each once, with the type the server's listing gives when it lists
	 * the channel (the store's otherwise).
	 * @return the plan; never throws for a failing store or listing
	 */
	public Plan toRejoin() {
		Map<Long, ChannelType> channels = new LinkedHashMap<>(this.known);
		java.util.Set<Long> remembered = new java.util.HashSet<>(this.known.keySet());
		List<String> problems = new ArrayList<>();
		int stored = 0;
		if (this.store != null) {
			try {
				Map<Long, ChannelType> fromStore = this.store.joinedChannels(this.scope);
				stored = fromStore.size();
				fromStore.forEach(channels::putIfAbsent);
				remembered.addAll(fromStore.keySet());
			}
			catch (RuntimeException ex) {
				problems.add("stored channels unavailable (" + ex.getClass().getSimpleName() + ")");
				logger.warn("Could not read the joined channels of scope '{}' from {}: {}", this.scope, this.store,
						ex.toString());
			}
		}
		int listed = -1;
		if (this.lister != null) {
			try {
				List<MezonChannel> fromServer = this.lister.listDirectChannels();
				listed = fromServer.size();
				for (MezonChannel channel : fromServer) {
					try {
						// The server knows the kind best.
						channels.put(Ids.parse("channelId", channel.channelId()), channel.type());
					}
					catch (IllegalArgumentException ex) {
						logger.debug("Skipping a listed channel without a usable id: {}", ex.getMessage());
					}
				}
			}
			catch (RuntimeException ex) {
				problems.add("channel list unavailable (" + ex.getClass().getSimpleName() + ")");
				logger.warn("Could not list the channels of user scope '{}' from the server: {}", this.scope,
						ex.toString());
			}
		}
		logger.debug("Channels to rejoin for scope '{}': {} ({} joined here, {} stored, {} listed)", this.scope,
				channels.size(), this.known.size(), stored, (listed >= 0) ? listed : "not");
		java.util.Set<Long> unknown = new java.util.HashSet<>(channels.keySet());
		unknown.removeAll(remembered);
		return new Plan(channels, problems, unknown, !remembered.isEmpty());
	}

	/** @return the channels of {@link #toRejoin()}: what the socket joins after connecting */
	@Override
	public Restore channelsToRestore() {
		Plan plan = toRejoin();
		return new Restore(plan.channels(), plan.listedOnly(), plan.rememberedAny());
	}

	@Override
	public String toString() {
		return "ChannelMembership[scope=" + this.scope + ", store=" + this.store + ", listing="
				+ (this.lister != null) + ", joinedHere=" + this.known.size() + "]";
	}

	/** Lists the user's DMs and groups from the server ({@code LightClient::listDirectChannels}). */
	@FunctionalInterface
	public interface ChannelLister {

		/**
		 * @return every DM and group the user is a member of
		 * @throws RuntimeException when the server cannot be asked; the caller goes on without
		 */
		List<MezonChannel> listDirectChannels();

	}

	/**
	 * What to join after a connection opens.
	 *
	 * @param channels the channels by id, in the order to join them: joined in this process first,
	 * then stored, then listed
	 * @param problems a short line per source that could not be read (no secrets), empty when all
	 * were; for a WARN and the health details
	 * @param listedOnly the channels only the server's list named: neither joined here nor stored
	 * @param rememberedAny whether any channel was joined here or stored (not a bot's first start)
	 */
	public record Plan(Map<Long, ChannelType> channels, List<String> problems, java.util.Set<Long> listedOnly,
			boolean rememberedAny) {

		public Plan {
			channels = Collections.unmodifiableMap(new LinkedHashMap<>(channels));
			problems = List.copyOf(problems);
			listedOnly = java.util.Set.copyOf(listedOnly);
		}

		/**
		 * @param channels the channels by id
		 * @param problems a short line per source that could not be read
		 */
		public Plan(Map<Long, ChannelType> channels, List<String> problems) {
			this(channels, problems, java.util.Set.of(), true);
		}

		/** @return whether every source (store, listing) answered */
		public boolean complete() {
			return this.problems.isEmpty();
		}

	}

}
