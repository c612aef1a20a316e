package ai.mezon.light.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import ai.mezon.light.ClientInitConfig;
import ai.mezon.light.LightClient;
import ai.mezon.light.LightClientOptions;
import ai.mezon.light.MezonApiException;
import ai.mezon.light.MezonSessionException;
import ai.mezon.light.session.Session;
import ai.mezon.light.session.SessionData;
import ai.mezon.light.session.SessionListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Refresh, rotation and token checks. One server per test (instance field): tests move the
 * server's clock.
 */
class SessionRefreshIntegrationTests {

	@RegisterExtension
	MezonTestServerExtension server = new MezonTestServerExtension();

	@Test
	void concurrentRefreshesShareOneHttpRequest() throws Exception {
		LightClient client = authenticate("100", "alice");
		String oldToken = client.getToken();
		// Hold the answer so all ten callers are waiting while the first request is in flight.
		this.server.get().delayRestCalls(Duration.ofMillis(400));
		int callers = 10;
		CyclicBarrier start = new CyclicBarrier(callers);
		ExecutorService pool = Executors.newFixedThreadPool(callers);
		try {
			List<Future<Session>> results = new ArrayList<>();
			for (int i = 0; i < callers; i++) {
				results.add(pool.submit(() -> {
					start.await(5, TimeUnit.SECONDS);
					return client.refreshSession();
				}));
			}
			List<String> tokens = new ArrayList<>();
			for (Future<Session> result : results) {
				tokens.add(result.get(10, TimeUnit.SECONDS).getToken());
			}
			assertThat(this.server.get().refreshCount()).isEqualTo(1);
			assertThat(tokens).containsOnly(client.getToken()).doesNotContain(oldToken);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void refreshRotatesTellsListenersAndKillsTheOldRefreshToken() throws Exception {
		LightClient client = authenticate("101", "bob");
		SessionData before = client.exportSession();
		List<Session> told = new CopyOnWriteArrayList<>();
		try (AutoCloseable registration = client.addSessionListener((session, change) -> {
			assertThat(change).isEqualTo(SessionListener.Change.REFRESHED);
			told.add(session);
		})) {
			Session refreshed = client.refreshSession();
			assertThat(told).containsExactly(refreshed);
		}
		assertThat(client.getToken()).isNotEqualTo(before.token());
		assertThat(client.getRefreshToken()).isNotEqualTo(before.refreshToken());
		assertThat(client.createDM("102")).isNotNull();
		// Replaying the spent refresh token (e.g. from a stale copy of the session) is refused.
		LightClient stale = LightClient.restore(before, this.server.get().clientOptions());
		assertThatExceptionOfType(MezonSessionException.class).isThrownBy(stale::refreshSession)
			.satisfies((ex) -> assertThat(ex.getCause()).isInstanceOfSatisfying(MezonApiException.class,
					(api) -> assertThat(api.getStatusCode()).isEqualTo(401)));
		assertThat(this.server.get().refreshCount()).isEqualTo(2);
	}

	@Test
	void expiredAccessTokenIsRefusedUntilRefreshed() {
		LightClient client = authenticate("103", "carol");
		this.server.get().advanceClock(Duration.ofHours(2));
		assertThat(client.isSessionExpired()).isTrue();
		assertThatExceptionOfType(MezonApiException.class).isThrownBy(() -> client.createDM("104"))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(401));
		client.refreshSession();
		assertThat(client.isSessionExpired()).isFalse();
		assertThat(client.createDM("104").channelId()).isNotEmpty();
	}

	@Test
	void expiredRefreshTokenIsRefusedLocallyAndByTheServer() {
		LightClient client = authenticate("105", "dave");
		SessionData data = client.exportSession();
		this.server.get().advanceClock(Duration.ofDays(31));
		// The client judges expiry with the server's clock: no request is made.
		assertThat(client.isRefreshSessionExpired()).isTrue();
		assertThatExceptionOfType(MezonSessionException.class).isThrownBy(client::refreshSession)
			.withMessageContaining("expired");
		assertThat(this.server.get().refreshCount()).isZero();
		// A client on the system clock thinks the token is alive: the server refuses it.
		LightClient unaware = LightClient.restore(data,
				LightClientOptions.builder().requestTimeout(Duration.ofSeconds(5)).build());
		assertThatExceptionOfType(MezonSessionException.class).isThrownBy(unaware::refreshSession);
		assertThat(this.server.get().refreshCount()).isEqualTo(1);
	}

	@Test
	void forgedTokensAreRefused() {
		LightClient client = authenticate("106", "erin");
		String forgedToken = forge(client.getToken());
		String forgedRefresh = forge(client.getRefreshToken());
		LightClient forger = LightClient.initClient(new ClientInitConfig(forgedToken, forgedRefresh,
				this.server.get().baseUrl(), null, "999", null), this.server.get().clientOptions());
		assertThatExceptionOfType(MezonApiException.class).isThrownBy(() -> forger.createDM("106"))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(401));
		assertThatExceptionOfType(MezonSessionException.class).isThrownBy(forger::refreshSession);
	}

	@Test
	void tokensOfOneKindAreRefusedAsTheOther() {
		LightClient client = authenticate("107", "frank");
		String access = client.getToken();
		String refresh = client.getRefreshToken();
		LightClient swapped = LightClient.initClient(
				new ClientInitConfig(refresh, access, this.server.get().baseUrl(), null, "107", null),
				this.server.get().clientOptions());
		// A refresh token as bearer, an access token as refresh token: both 401.
		assertThatExceptionOfType(MezonApiException.class).isThrownBy(() -> swapped.createDM("108"))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(401));
		assertThatExceptionOfType(MezonSessionException.class).isThrownBy(swapped::refreshSession);
		// The genuine pair still works: nothing was spent.
		assertThat(client.refreshSession()).isNotNull();
	}

	@Test
	void revokedTokensAreRefused() {
		LightClient client = authenticate("109", "grace");
		this.server.get().expireAllTokens();
		assertThatExceptionOfType(MezonApiException.class).isThrownBy(() -> client.createDM("110"))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(401));
		assertThatExceptionOfType(MezonSessionException.class).isThrownBy(client::refreshSession);
	}

	/** Changes the payload's uid and keeps the signature: the server must notice. */
	private static String forge(String token) {
		String[] parts = token.split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
		String forged = payload.replaceFirst("\"uid\":\\d+", "\"uid\":999");
		assertThat(forged).isNotEqualTo(payload);
		return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
			.encodeToString(forged.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
	}

	private LightClient authenticate(String userId, String username) {
		return LightClient.authenticate(this.server.get().authenticateConfig(userId, username),
				this.server.get().clientOptions());
	}

}
