package ai.mezon.light;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import ai.mezon.light.session.Session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SessionTests {

	private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

	private final String token = TestJwts.token(42, NOW.plusSeconds(60));

	private final String refreshToken = TestJwts.token(42, NOW.plusSeconds(3600));

	@Test
	void expiryFollowsTheClock() {
		Session session = Session.of(this.token, this.refreshToken, "https://api.example", null, null, false);
		assertThat(session.isExpired(at(NOW))).isFalse();
		assertThat(session.isExpired(at(NOW.plusSeconds(59)))).isFalse();
		// exp - now <= 0 is expired: exactly at exp too.
		assertThat(session.isExpired(at(NOW.plusSeconds(60)))).isTrue();
		assertThat(session.isRefreshExpired(at(NOW.plusSeconds(60)))).isFalse();
		assertThat(session.isRefreshExpired(at(NOW.plusSeconds(3600)))).isTrue();
	}

	@Test
	void takesUserIdFromTokenWhenNotGiven() {
		Session session = Session.of(this.token, this.refreshToken, "https://api.example", null, null, false);
		assertThat(session.getUserId()).isEqualTo("42");
		assertThat(session.getUsername()).isEqualTo("alice");
		assertThat(session.getVars()).containsEntry("k", "v");
	}

	@Test
	void refusesATokenWhoseExpiryIsBeyondWhatAnInstantHolds() {
		// exp 1e18 used to escape as a raw java.time.DateTimeException.
		String farFuture = TestJwts.jwt("{\"uid\":42,\"exp\":1e18}");
		assertThatExceptionOfType(MezonSessionException.class)
			.isThrownBy(() -> Session.of(farFuture, this.refreshToken, "https://api.example", null, null, false))
			.withMessageContaining("token: exp claim out of range");
		assertThatExceptionOfType(MezonSessionException.class)
			.isThrownBy(() -> Session.of(this.token, farFuture, "https://api.example", null, null, false))
			.withMessageContaining("refresh token: exp claim out of range");
	}

	@Test
	void refusesMalformedTokens() {
		assertThatExceptionOfType(MezonSessionException.class)
			.isThrownBy(() -> Session.of("a.b", this.refreshToken, "https://api.example", null, "1", false));
		assertThatExceptionOfType(MezonSessionException.class)
			.isThrownBy(() -> Session.of(this.token, "", "https://api.example", null, "1", false))
			.withMessageContaining("refresh_token");
	}

	@Test
	void withTokensKeepsHostsAndUser() {
		Session session = Session.of(this.token, this.refreshToken, "https://api.example", "ws.example", "42", true);
		String newToken = TestJwts.token(42, NOW.plusSeconds(120));
		Session refreshed = session.withTokens(newToken, this.refreshToken);
		assertThat(refreshed.getToken()).isEqualTo(newToken);
		assertThat(refreshed.getExpiresAt()).isEqualTo(NOW.plusSeconds(120));
		assertThat(refreshed.getWsUrl()).isEqualTo("ws.example");
		assertThat(refreshed.isRemember()).isTrue();
	}

	@Test
	void toStringMasksTokens() {
		Session session = Session.of(this.token, this.refreshToken, "https://api.example", null, "42", false);
		assertThat(session.toString()).doesNotContain(this.token)
			.doesNotContain(this.refreshToken)
			.contains("token=****")
			.contains("userId=42");
		assertThat(session.export().toString()).doesNotContain(this.token).doesNotContain(this.refreshToken);
	}

	private static Clock at(Instant instant) {
		return Clock.fixed(instant, ZoneOffset.UTC);
	}

}
