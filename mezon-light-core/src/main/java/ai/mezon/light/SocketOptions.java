package ai.mezon.light;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;

import org.jspecify.annotations.Nullable;

/**
 * Tuning of a {@link LightSocket}. Immutable; start from {@link #defaults()} or {@link #builder()}.
 */
public final class SocketOptions {

	private final Duration heartbeatInterval;

	private final Duration connectTimeout;

	private final Duration requestTimeout;

	private final Duration joinWait;

	private final boolean reconnect;

	private final Duration reconnectInitialDelay;

	private final Duration reconnectMaxDelay;

	private final double reconnectMultiplier;

	private final int reconnectMaxAttempts;

	private final boolean legacyCid;

	private final boolean autoJoin;

	private final @Nullable Executor dispatchExecutor;

	private final @Nullable Executor callbackExecutor;

	private final int queueCapacity;

	private final int maxFrameSize;

	private final double sendRate;

	private final boolean listChannelsOnConnect;

	private final int sendQueueCapacity;

	private final Duration typingInterval;

	private final @Nullable CatchUpOptions catchUp;

	private SocketOptions(Builder builder) {
		this.heartbeatInterval = builder.heartbeatInterval;
		this.connectTimeout = builder.connectTimeout;
		this.requestTimeout = builder.requestTimeout;
		this.joinWait = builder.joinWait;
		this.reconnect = builder.reconnect;
		this.reconnectInitialDelay = builder.reconnectInitialDelay;
		this.reconnectMaxDelay = builder.reconnectMaxDelay;
		this.reconnectMultiplier = builder.reconnectMultiplier;
		this.reconnectMaxAttempts = builder.reconnectMaxAttempts;
		this.legacyCid = builder.legacyCid;
		this.autoJoin = builder.autoJoin;
		this.dispatchExecutor = builder.dispatchExecutor;
		this.callbackExecutor = builder.callbackExecutor;
		this.queueCapacity = builder.queueCapacity;
		this.maxFrameSize = builder.maxFrameSize;
		this.sendRate = builder.sendRate;
		this.listChannelsOnConnect = builder.listChannelsOnConnect;
		this.sendQueueCapacity = builder.sendQueueCapacity;
		this.typingInterval = builder.typingInterval;
		this.catchUp = builder.catchUp;
	}

	/** @return options with every default */
	public static SocketOptions defaults() {
		return builder().build();
	}

	/** @return a builder starting from the defaults */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * @return how often a {@code ping} is sent (default 10 s); a server silent for about twice this
	 * long is treated as gone
	 */
	public Duration heartbeatInterval() {
		return this.heartbeatInterval;
	}

	/** @return the timeout of each handshake (default 30 s) */
	public Duration connectTimeout() {
		return this.connectTimeout;
	}

	/**
	 * @return the timeout of every request, sends included, counted from the call and including
	 * any wait for the link while reconnecting (default 10 s)
	 */
	public Duration requestTimeout() {
		return this.requestTimeout;
	}

	/**
	 * @return how much longer than {@link #requestTimeout()} a join may wait for the link to come
	 * up (default 30 s; the TypeScript SDK polls 20 times from 100 ms, doubling)
	 */
	public Duration joinWait() {
		return this.joinWait;
	}

	/** @return whether a lost link is re-established automatically (default {@code true}) */
	public boolean reconnect() {
		return this.reconnect;
	}

	/** @return the cap of the first reconnect delay (default 500 ms) */
	public Duration reconnectInitialDelay() {
		return this.reconnectInitialDelay;
	}

	/** @return the cap of every reconnect delay (default 30 s) */
	public Duration reconnectMaxDelay() {
		return this.reconnectMaxDelay;
	}

	/** @return how much the delay cap grows per failed attempt (default 2) */
	public double reconnectMultiplier() {
		return this.reconnectMultiplier;
	}

	/** @return failed reconnect attempts before giving up, 0 for unbounded (default) */
	public int reconnectMaxAttempts() {
		return this.reconnectMaxAttempts;
	}

	/**
	 * @return whether {@code cid} is sent as a decimal string, for servers older than April 2026
	 * (default {@code false}: int32). Replies in either encoding are always understood.
	 */
	public boolean legacyCid() {
		return this.legacyCid;
	}

	/**
	 * @return whether a channel this user is added to ({@code user_channel_added_event}) is joined
	 * automatically (default {@code true})
	 */
	public boolean autoJoin() {
		return this.autoJoin;
	}

	/**
	 * @return the executor handlers and listeners run on, or {@code null} for the socket's own pool
	 * of daemon threads (default)
	 */
	public @Nullable Executor dispatchExecutor() {
		return this.dispatchExecutor;
	}

	/**
	 * @return the executor that completes the futures this socket returns (so runs their non-async
	 * callbacks), or {@code null} for the SDK's shared callback pool ({@code mezon-callback-N}, a
	 * small fork-join pool; default). Set one when callbacks block on something else than another
	 * future, e.g. virtual threads; it must not run tasks on the calling thread (that would be the
	 * socket's reading thread)
	 */
	public @Nullable Executor callbackExecutor() {
		return this.callbackExecutor;
	}

	/**
	 * @return how many incoming events may wait for handlers before the socket stops reading from
	 * the network (default 1024); nothing is dropped
	 */
	public int queueCapacity() {
		return this.queueCapacity;
	}

	/**
	 * @return the largest frame accepted from the server, in bytes (default 8 MiB). A larger frame is
	 * dropped and reported as a {@link MezonFrameTooLargeException} through the error handler; the
	 * connection stays up. The limit costs no memory until a frame that large arrives.
	 */
	public int maxFrameSize() {
		return this.maxFrameSize;
	}

	/**
	 * @return how many sends, edits, deletions and reactions a second this socket lets out (default
	 * {@value Builder#DEFAULT_SEND_RATE}, the rate of Mezon's own SDKs); more wait in call order, the
	 * wait counting against {@link #requestTimeout()}; 0 for no throttle
	 */
	public double sendRate() {
		return this.sendRate;
	}

	/**
	 * @return whether the socket asks the server for the user's DMs and groups
	 * ({@code ListChannelDescs}) once connected and after every reconnect, and joins those it is not
	 * in: channels created while the bot was offline or reconnecting. In the background: a bot in
	 * thousands of channels does not wait for them to connect. Default {@code false}, as in the
	 * TypeScript SDK, where a socket is in the channels its caller joins; the Spring Boot starter,
	 * made for bots, turns it on ({@code mezon.socket.list-channels-on-connect}). Channels joined
	 * before are rejoined either way (from memory, and from the catch-up store across restarts).
	 */
	public boolean listChannelsOnConnect() {
		return this.listChannelsOnConnect;
	}

	/**
	 * @return how many sends may wait for the send throttle (default 1000); one more fails at once
	 * with a {@link MezonSocketException}
	 */
	public int sendQueueCapacity() {
		return this.sendQueueCapacity;
	}

	/**
	 * @return the least time between two typing indicators sent on one channel (default 3 s):
	 * {@link LightSocket#sendTyping} calls within it after a sent one complete at once with
	 * {@code false} and send nothing, so a caller in a loop cannot flood the server; zero sends
	 * every call
	 */
	public Duration typingInterval() {
		return this.typingInterval;
	}

	/**
	 * @return how missed messages are caught up after joins and reconnects, or {@code null} when
	 * they are not (default): only messages pushed while connected are delivered
	 */
	public @Nullable CatchUpOptions catchUp() {
		return this.catchUp;
	}

	@Override
	public String toString() {
		return "SocketOptions[heartbeat=" + this.heartbeatInterval + ", connectTimeout=" + this.connectTimeout
				+ ", requestTimeout=" + this.requestTimeout + ", reconnect=" + this.reconnect + " ("
				+ this.reconnectInitialDelay + ".." + this.reconnectMaxDelay + " x" + this.reconnectMultiplier
				+ ", max " + this.reconnectMaxAttempts + "), legacyCid=" + this.legacyCid + ", autoJoin="
				+ this.autoJoin + ", queueCapacity=" + this.queueCapacity + ", maxFrameSize=" + this.maxFrameSize
				+ ", sendRate=" + this.sendRate + " (queue " + this.sendQueueCapacity + "), typingInterval="
				+ this.typingInterval
				+ ", catchUp=" + this.catchUp + "]";
	}

	/** Builds {@link SocketOptions}. */
	public static final class Builder {

		/** Sends a second of Mezon's own SDKs (PROTOCOL.md §4, "Limits"). */
		public static final int DEFAULT_SEND_RATE = 80;

		private Duration heartbeatInterval = Duration.ofSeconds(10);

		private Duration connectTimeout = Duration.ofSeconds(30);

		private Duration requestTimeout = Duration.ofSeconds(10);

		private Duration joinWait = Duration.ofSeconds(30);

		private boolean reconnect = true;

		private Duration reconnectInitialDelay = Duration.ofMillis(500);

		// Short enough that a bot is back within seconds of a restarted server (full jitter spreads
		// the attempts of many clients).
		private Duration reconnectMaxDelay = Duration.ofSeconds(5);

		private double reconnectMultiplier = 2.0;

		private int reconnectMaxAttempts;

		private boolean legacyCid;

		private boolean autoJoin = true;

		private @Nullable Executor dispatchExecutor;

		private @Nullable Executor callbackExecutor;

		private int queueCapacity = 1024;

		private int maxFrameSize = 8 * 1024 * 1024;

		private double sendRate = DEFAULT_SEND_RATE;

		private int sendQueueCapacity = 1000;

		private boolean listChannelsOnConnect;

		private Duration typingInterval = Duration.ofSeconds(3);

		private @Nullable CatchUpOptions catchUp;

		private Builder() {
		}

		/** @param interval the heartbeat interval; must be positive @return this builder */
		public Builder heartbeatInterval(Duration interval) {
			this.heartbeatInterval = positive(interval, "heartbeatInterval");
			return this;
		}

		/** @param timeout the handshake timeout; must be positive @return this builder */
		public Builder connectTimeout(Duration timeout) {
			this.connectTimeout = positive(timeout, "connectTimeout");
			return this;
		}

		/** @param timeout the request timeout; must be positive @return this builder */
		public Builder requestTimeout(Duration timeout) {
			this.requestTimeout = positive(timeout, "requestTimeout");
			return this;
		}

		/** @param wait the extra time a join may wait for the link; not negative @return this builder */
		public Builder joinWait(Duration wait) {
			if (wait.isNegative()) {
				throw new IllegalArgumentException("joinWait must not be negative");
			}
			this.joinWait = wait;
			return this;
		}

		/** @param reconnect whether to reconnect after a loss @return this builder */
		public Builder reconnect(boolean reconnect) {
			this.reconnect = reconnect;
			return this;
		}

		/**
		 * @param initial the cap of the first delay
		 * @param max the cap of every delay
		 * @param multiplier the growth per attempt, at least 1
		 * @return this builder
		 */
		public Builder reconnectBackoff(Duration initial, Duration max, double multiplier) {
			if (initial.isNegative() || max.compareTo(initial) < 0 || multiplier < 1.0) {
				throw new IllegalArgumentException("Invalid reconnect backoff");
			}
			this.reconnectInitialDelay = initial;
			this.reconnectMaxDelay = max;
			this.reconnectMultiplier = multiplier;
			return this;
		}

		/** @param attempts failed attempts before giving up, 0 for unbounded @return this builder */
		public Builder reconnectMaxAttempts(int attempts) {
			if (attempts < 0) {
				throw new IllegalArgumentException("reconnectMaxAttempts must not be negative");
			}
			this.reconnectMaxAttempts = attempts;
			return this;
		}

		/** @param legacy whether to send {@code cid} as a decimal string @return this builder */
		public Builder legacyCid(boolean legacy) {
			this.legacyCid = legacy;
			return this;
		}

		/** @param autoJoin whether to join channels this user is added to @return this builder */
		public Builder autoJoin(boolean autoJoin) {
			this.autoJoin = autoJoin;
			return this;
		}

		/** @param executor where handlers run, {@code null} for the socket's own pool @return this builder */
		public Builder dispatchExecutor(@Nullable Executor executor) {
			this.dispatchExecutor = executor;
			return this;
		}

		/**
		 * @param executor what completes returned futures, {@code null} for the shared callback pool
		 * @return this builder
		 */
		public Builder callbackExecutor(@Nullable Executor executor) {
			this.callbackExecutor = executor;
			return this;
		}

		/** @param capacity events that may wait for handlers, at least 2 @return this builder */
		public Builder queueCapacity(int capacity) {
			if (capacity < 2) {
				throw new IllegalArgumentException("queueCapacity must be at least 2");
			}
			this.queueCapacity = capacity;
			return this;
		}

		/** @param bytes the largest frame accepted @return this builder */
		public Builder maxFrameSize(int bytes) {
			if (bytes < 1024) {
				throw new IllegalArgumentException("maxFrameSize must be at least 1024");
			}
			this.maxFrameSize = bytes;
			return this;
		}

		/**
		 * @param perSecond sends, edits, deletions and reactions let out per second; 0 for no throttle
		 * @return this builder
		 */
		public Builder sendRate(double perSecond) {
			if (perSecond < 0 || Double.isNaN(perSecond) || Double.isInfinite(perSecond)) {
				throw new IllegalArgumentException("sendRate must be 0 (off) or positive, was " + perSecond);
			}
			this.sendRate = perSecond;
			return this;
		}

		/**
		 * @param list whether to list the user's channels on connect and join those not joined
		 * @return this builder
		 */
		public Builder listChannelsOnConnect(boolean list) {
			this.listChannelsOnConnect = list;
			return this;
		}

		/** @param capacity sends that may wait for the throttle, at least 1 @return this builder */
		public Builder sendQueueCapacity(int capacity) {
			if (capacity < 1) {
				throw new IllegalArgumentException("sendQueueCapacity must be at least 1, was " + capacity);
			}
			this.sendQueueCapacity = capacity;
			return this;
		}

		/**
		 * @param interval the least time between two typing indicators on one channel; zero for
		 * no limit, not negative
		 * @return this builder
		 */
		public Builder typingInterval(Duration interval) {
			Objects.requireNonNull(interval, "typingInterval");
			if (interval.isNegative()) {
				throw new IllegalArgumentException("typingInterval must not be negative");
			}
			this.typingInterval = interval;
			return this;
		}

		/**
		 * Turns on catch-up: after every join and reconnect, messages missed since the last one
		 * delivered are read from the history and delivered first, in order, each once.
		 * @param catchUp the cursor store and limits, or {@code null} for none
		 * @return this builder
		 * @see CatchUpOptions
		 */
		public Builder catchUp(@Nullable CatchUpOptions catchUp) {
			this.catchUp = catchUp;
			return this;
		}

		/** @return the options */
		public SocketOptions build() {
			return new SocketOptions(this);
		}

		private static Duration positive(Duration value, String name) {
			Objects.requireNonNull(value, name);
			if (value.isNegative() || value.isZero()) {
				throw new IllegalArgumentException(name + " must be positive");
			}
			return value;
		}

	}

}
