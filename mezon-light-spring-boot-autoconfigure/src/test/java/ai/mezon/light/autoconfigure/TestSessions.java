package ai.mezon.light.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import ai.mezon.light.ClientInitConfig;
import ai.mezon.light.LightClient;
import ai.mezon.light.LightClientOptions;
import ai.mezon.light.TestJwts;
import ai.mezon.light.session.SessionData;

/**
 * Sessions of unsigned JWTs (the client never checks signatures), so tests build real
 * {@link LightClient}s without a network, and a clock tests move.
 */
public final class TestSessions {

	/** A fixed instant the mutable clocks start at. */
	public static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

	public static final String USER_ID = "1840000000000000001";

	private TestSessions() {
	}

	/** A JWT with the given expiry and user id; unique on every call (built by core's {@link TestJwts}). */
	public static String jwt(Instant expiresAt, String userId) {
		return TestJwts.token(userId, "bot", expiresAt);
	}

	/** A session for {@link #USER_ID} whose tokens expire at the given instants. */
	public static SessionData session(Instant accessExpiry, Instant refreshExpiry) {
		return session(USER_ID, accessExpiry, refreshExpiry);
	}

	public static SessionData session(String userId, Instant accessExpiry, Instant refreshExpiry) {
		return new SessionData(jwt(accessExpiry, userId), jwt(refreshExpiry, userId), "https://api.mezon.test",
				"wss://ws.mezon.test", userId);
	}

	/** A session valid for an hour (refresh token for a day) after {@code now}. */
	public static SessionData fresh(Instant now) {
		return session(now.plus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)));
	}

	public static LightClient client(SessionData data, LightClientOptions options) {
		return LightClient.initClient(ClientInitConfig.from(data), options);
	}

	/** A clock tests move forward explicitly. */
	public static final class MutableClock extends Clock {

		private volatile Instant instant;

		public MutableClock(Instant instant) {
			this.instant = instant;
		}

		public void advance(Duration duration) {
			this.instant = this.instant.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.instant;
		}

	}

}
