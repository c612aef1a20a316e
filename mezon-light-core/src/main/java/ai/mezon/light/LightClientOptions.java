package ai.mezon.light;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

import org.springframework.web.client.RestClient;

/**
 * Tuning of a {@link LightClient}: timeouts, transport policy, clock and the {@link RestClient}
 * it builds on. Immutable; start from {@link #defaults()} or {@link #builder()}.
 */
public final class LightClientOptions {

	/** The reference client's REST timeout. */
	public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(7);

	/**
	 * The default cap on a REST answer's body, 16 MiB: far above what Mezon answers (a session, a
	 * channel, a page of history), far below what would exhaust a small heap.
	 */
	public static final long DEFAULT_MAX_RESPONSE_SIZE = 16L * 1024 * 1024;

	private final Duration requestTimeout;

	private final long maxResponseSize;

	private final boolean allowInsecureTransport;

	private final Clock clock;

	private final Supplier<RestClient.Builder> restClientBuilder;

	private LightClientOptions(Builder builder) {
		this.requestTimeout = builder.requestTimeout;
		this.maxResponseSize = builder.maxResponseSize;
		this.allowInsecureTransport = builder.allowInsecureTransport;
		this.clock = builder.clock;
		this.restClientBuilder = builder.restClientBuilder;
	}

	/** @return options with every default */
	public static LightClientOptions defaults() {
		return builder().build();
	}

	/** @return a builder starting from the defaults */
	public static Builder builder() {
		return new Builder();
	}

	/** @return the timeout of each REST call, connect and read included (default 7 s) */
	public Duration requestTimeout() {
		return this.requestTimeout;
	}

	/**
	 * @return the most bytes a REST answer's body may have (default
	 * {@link #DEFAULT_MAX_RESPONSE_SIZE}, 16 MiB); a longer one fails the call with
	 * {@link MezonResponseTooLargeException} instead of filling the heap
	 */
	public long maxResponseSize() {
		return this.maxResponseSize;
	}

	/**
	 * @return whether tokens may travel over plain {@code http}/{@code ws} to hosts that are not
	 * loopback (default {@code false})
	 */
	public boolean allowInsecureTransport() {
		return this.allowInsecureTransport;
	}

	/** @return the clock token expiry is judged by */
	public Clock clock() {
		return this.clock;
	}

	/** @return a fresh {@link RestClient.Builder} for the client to configure */
	public RestClient.Builder restClientBuilder() {
		return this.restClientBuilder.get();
	}

	/** @return a builder holding these options */
	public Builder toBuilder() {
		return new Builder().requestTimeout(this.requestTimeout)
			.maxResponseSize(this.maxResponseSize)
			.allowInsecureTransport(this.allowInsecureTransport)
			.clock(this.clock)
			.restClientBuilder(this.restClientBuilder);
	}

	/** Builds {@link LightClientOptions}. */
	public static final class Builder {

		private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;

		private long maxResponseSize = DEFAULT_MAX_RESPONSE_SIZE;

		private boolean allowInsecureTransport;

		private Clock clock = Clock.systemUTC();

		private Supplier<RestClient.Builder> restClientBuilder = RestClient::builder;

		private Builder() {
		}

		/**
		 * @param timeout the timeout of each REST call; must be positive
		 * @return this builder
		 */
		public Builder requestTimeout(Duration timeout) {
			if (timeout.isNegative() || timeout.isZero()) {
				throw new IllegalArgumentException("requestTimeout must be positive");
			}
			this.requestTimeout = timeout;
			return this;
		}

		/**
		 * @param bytes the most bytes a REST answer's body may have; must be positive
		 * @return this builder
		 */
		public Builder maxResponseSize(long bytes) {
			if (bytes <= 0) {
				throw new IllegalArgumentException("maxResponseSize must be positive");
			}
			this.maxResponseSize = bytes;
			return this;
		}

		/**
		 * @param allow whether tokens may cross a network in clear text (self-hosted servers on a
		 * trusted network only)
		 * @return this builder
		 */
		public Builder allowInsecureTransport(boolean allow) {
			this.allowInsecureTransport = allow;
			return this;
		}

		/**
		 * @param clock the clock expiry is judged by (tests move it instead of sleeping)
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock");
			return this;
		}

		/**
		 * @param builder supplies the {@link RestClient.Builder} to start from, e.g. Spring Boot's
		 * customised prototype bean; the client adds its converters, timeouts and error handling
		 * @return this builder
		 */
		public Builder restClientBuilder(Supplier<RestClient.Builder> builder) {
			this.restClientBuilder = Objects.requireNonNull(builder, "restClientBuilder");
			return this;
		}

		/** @return the options */
		public LightClientOptions build() {
			return new LightClientOptions(this);
		}

	}

}
