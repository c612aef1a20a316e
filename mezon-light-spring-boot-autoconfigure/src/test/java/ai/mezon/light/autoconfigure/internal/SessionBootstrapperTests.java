package ai.mezon.light.autoconfigure.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import ai.mezon.light.AuthenticateConfig;
import ai.mezon.light.ClientInitConfig;
import ai.mezon.light.LightClient;
import ai.mezon.light.LightClientOptions;
import ai.mezon.light.autoconfigure.MezonConnectionDetails;
import ai.mezon.light.autoconfigure.MezonCredentialsException;
import ai.mezon.light.autoconfigure.TestSessions;
import ai.mezon.light.autoconfigure.TestSessions.MutableClock;
import ai.mezon.light.session.InMemorySessionStore;
import ai.mezon.light.session.Session;
import ai.mezon.light.session.SessionData;
import ai.mezon.light.session.SessionListener;
import ai.mezon.light.session.SessionStore;
import ai.mezon.light.session.StoredSession;

import static ai.mezon.light.autoconfigure.TestSessions.NOW;
import static ai.mezon.light.autoconfigure.TestSessions.USER_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link SessionBootstrapper}: where the session comes from, and that every change is
 * saved with compare-and-set.
 */
class SessionBootstrapperTests {

	private final MutableClock clock = new MutableClock(NOW);

	private final LightClientOptions options = LightClientOptions.builder().clock(this.clock).build();

	private final InMemorySessionStore store = new InMemorySessionStore();

	private final FakeClients clients = new FakeClients();

	private SessionBootstrapper bootstrapper(Details details) {
		return new SessionBootstrapper(details, this.store, null, this.options, this.clients);
	}

	@Test
	void storedSessionIsPreferredOverConfiguredSessionAndIdToken() {
		SessionData stored = TestSessions.fresh(NOW);
		this.store.save(USER_ID, stored, SessionStore.NO_VERSION);
		SessionBootstrapper bootstrapper = bootstrapper(Details.idToken().withSession(TestSessions.fresh(NOW)));
		LightClient client = bootstrapper.bootstrap();
		assertThat(bootstrapper.getSource()).isEqualTo(SessionBootstrapper.Source.STORE);
		assertThat(client.exportSession()).isEqualTo(stored);
		assertThat(this.clients.authentications).isEmpty();
		assertThat(this.clients.restoredWithServerKey).containsExactly("secret-key");
		assertThat(this.store.load(USER_ID).orElseThrow().version()).isEqualTo(1);
	}

	@Test
	void configuredSessionIsPreferredOverIdTokenAndSaved() {
		SessionData configured = TestSessions.fresh(NOW);
		SessionBootstrapper bootstrapper = bootstrapper(Details.idToken().withSession(configured));
		LightClient client = bootstrapper.bootstrap();
		assertThat(bootstrapper.getSource()).isEqualTo(SessionBootstrapper.Source.CONFIGURED_SESSION);
		assertThat(client.exportSession()).isEqualTo(configured);
		assertThat(this.clients.authentications).isEmpty();
		assertThat(this.store.load(USER_ID)).contains(new StoredSession(configured, 1));
	}

	@Test
	void idTokenIsUsedWhenNothingElseIsThereAndTheSessionSaved() {
		SessionBootstrapper bootstrapper = bootstrapper(Details.idToken());
		LightClient client = bootstrapper.bootstrap();
		assertThat(bootstrapper.getSource()).isEqualTo(SessionBootstrapper.Source.AUTHENTICATION);
		assertThat(this.clients.authentications).hasSize(1);
		AuthenticateConfig config = this.clients.authentications.get(0);
		assertThat(config.userId()).isEqualTo(USER_ID);
		assertThat(config.effectiveGatewayUrl()).isEqualTo("https://gw.mezon.test");
		assertThat(this.store.load(USER_ID).orElseThrow().data()).isEqualTo(client.exportSession());
	}

	@Test
	void storedSessionWithExpiredRefreshTokenIsSkippedAndOverwritten() {
		this.store.save(USER_ID, TestSessions.session(NOW.minusSeconds(7200), NOW.minusSeconds(60)),
				SessionStore.NO_VERSION);
		SessionBootstrapper bootstrapper = bootstrapper(Details.idToken());
		LightClient client = bootstrapper.bootstrap();
		assertThat(bootstrapper.getSource()).isEqualTo(SessionBootstrapper.Source.AUTHENTICATION);
		assertThat(this.store.load(USER_ID)).contains(new StoredSession(client.exportSession(), 2));
	}

	@Test
	void storedSessionWithExpiredAccessTokenButLiveRefreshTokenIsUsed() {
		SessionData stored = TestSessions.session(NOW.minusSeconds(10), NOW.plus(Duration.ofDays(1)));
		this.store.save(USER_ID, stored, SessionStore.NO_VERSION);
		SessionBootstrapper bootstrapper = bootstrapper(Details.idToken());
		assertThat(bootstrapper.bootstrap().isSessionExpired()).isTrue();
		assertThat(bootstrapper.getSource()).isEqualTo(SessionBootstrapper.Source.STORE);
	}

	@Test
	void storedSessionOfAnotherUserIsSkipped() {
		this.store.save(USER_ID, TestSessions.session("77", NOW.plusSeconds(3600), NOW.plusSeconds(86400)),
				SessionStore.NO_VERSION);
		SessionBootstrapper bootstrapper = bootstrapper(Details.idToken());
		bootstrapper.bootstrap();
		assertThat(bootstrapper.getSource()).isEqualTo(SessionBootstrapper.Source.AUTHENTICATION);
	}

	@Test
	void storedSessionWithAnInvalidHostIsIgnoredAndReplacedByTheNextSave() {
		for (String badWs : new String[] { "wss://ws.mezon.test:99999", "javascript:alert(1)" }) {
			InMemorySessionStore store = new InMemorySessionStore();
			SessionData good = TestSessions.fresh(NOW);
			store.save(USER_ID, new SessionData(good.token(), good.refreshToken(), good.apiUrl(), badWs, USER_ID),
					SessionStore.NO_VERSION);
			SessionBootstrapper bootstrapper = new SessionBootstrapper(Details.idToken(), store, null, this.options,
					this.clients);
			LightClient client = bootstrapper.bootstrap();
			assertThat(bootstrapper.getSource()).as(badWs).isEqualTo(SessionBootstrapper.Source.AUTHENTICATION);
			assertThat(store.load(USER_ID)).contains(new StoredSession(client.exportSession(), 2));
		}
	}

	@Test
	void configuredSessionWithAnInvalidApiUrlFallsBackToIdToken() {
		SessionData good = TestSessions.fresh(NOW);
		SessionBootstrapper bootstrapper = bootstrapper(Details.idToken()
			.withSession(new SessionData(good.token(), good.refreshToken(), "https://api.mezon.test:70000", null, USER_ID)));
		bootstrapper.bootstrap();
		assertThat(bootstrapper.getSource()).isEqualTo(SessionBootstrapper.Source.AUTHENTICATION);
	}

	@Test
	void aStoreThatCannotLoadDoesNotStopStartUpWithAnIdToken() {
		InMemorySessionStore backing = new InMemorySessionStore();
		SessionStore failing = new SessionStore() {

			@Override
			public java.util.Optional<StoredSession> load(String key) {
				throw new IllegalStateException("store unreachable for key '" + key + "'");
			}

			@Override
			public StoredSession save(String key, SessionData data, long expectedVersion) {
				return backing.save(key, data, expectedVersion);
			}

			@Override
			public boolean delete(String key) {
				return backing.delete(key);
			}

		};
		SessionBootstrapper bootstrapper = new SessionBootstrapper(Details.idToken(), failing, null, this.options,
				this.clients);
		LightClient client = bootstrapper.bootstrap();
		assertThat(bootstrapper.getSource()).isEqualTo(SessionBootstrapper.Source.AUTHENTICATION);
		assertThat(backing.load(USER_ID).orElseThrow().data()).isEqualTo(client.exportSession());
	}

	@Test
	void everyClientKeepsTheConfiguredIdTokenToSignInAgain() {
		this.store.save(USER_ID, TestSessions.fresh(NOW), SessionStore.NO_VERSION);
		LightClient fromStore = bootstrapper(Details.idToken()).bootstrap();
		assertThat(fromStore.canReauthenticate()).isTrue();
		assertThat(fromStore.toString()).doesNotContain("id-token");
		LightClient fromConfiguredSession = new SessionBootstrapper(Details.idToken().withSession(TestSessions.fresh(NOW)),
				new InMemorySessionStore(), null, this.options, this.clients).bootstrap();
		assertThat(fromConfiguredSession.canReauthenticate()).isTrue();
		LightClient withoutIdToken = new SessionBootstrapper(Details.none().withSession(TestSessions.fresh(NOW)),
				new InMemorySessionStore(), null, this.options, this.clients).bootstrap();
		assertThat(withoutIdToken.canReauthenticate()).isFalse();
	}

	@Test
	void expiredConfiguredSessionFallsBackToIdToken() {
		SessionBootstrapper bootstrapper = bootstrapper(
				Details.idToken().withSession(TestSessions.session(NOW.minusSeconds(100), NOW.minusSeconds(10))));
		bootstrapper.bootstrap();
		assertThat(bootstrapper.getSource()).isEqualTo(SessionBootstrapper.Source.AUTHENTICATION);
	}

	@Test
	void keyIsTheConfiguredOneOrTheUserIdOrDefault() {
		assertThat(new SessionBootstrapper(Details.idToken(), this.store, "bot-1", this.options, this.clients).getKey())
			.isEqualTo("bot-1");
		assertThat(bootstrapper(Details.idToken()).getKey()).isEqualTo(USER_ID);
		assertThat(bootstrapper(Details.none().withSession(TestSessions.fresh(NOW))).getKey()).isEqualTo(USER_ID);
		assertThat(bootstrapper(Details.none()).getKey()).isEqualTo(SessionBootstrapper.DEFAULT_KEY);
	}

	@Test
	void userIdOfConfiguredSessionIsTakenFromTheToken() {
		SessionData withUser = TestSessions.fresh(NOW);
		SessionData noUser = new SessionData(withUser.token(), withUser.refreshToken(), withUser.apiUrl(), null, "");
		LightClient client = bootstrapper(Details.none().withSession(noUser)).bootstrap();
		assertThat(client.userId()).isEqualTo(USER_ID);
	}

	@Test
	void everySessionChangeIsSaved() {
		SessionBootstrapper bootstrapper = bootstrapper(Details.idToken());
		LightClient client = bootstrapper.bootstrap();
		for (int i = 2; i <= 4; i++) {
			this.clock.advance(Duration.ofMinutes(30));
			SessionData next = TestSessions.fresh(this.clock.instant());
			client.replaceSession(Session.restore(next), SessionListener.Change.REFRESHED);
			assertThat(this.store.load(USER_ID)).contains(new StoredSession(next, i));
		}
	}

	@Test
	void reauthenticatorReplacesTheClientsSession() {
		SessionBootstrapper bootstrapper = bootstrapper(Details.idToken());
		LightClient client = bootstrapper.bootstrap();
		List<SessionListener.Change> changes = new ArrayList<>();
		client.addSessionListener((session, change) -> changes.add(change));
		Session fresh = bootstrapper.reauthenticator(client).get();
		assertThat(client.getSession()).isSameAs(fresh);
		assertThat(changes).containsExactly(SessionListener.Change.AUTHENTICATED);
		assertThat(this.store.load(USER_ID)).contains(new StoredSession(fresh.export(), 2));
	}

	@Test
	void noReauthenticatorWithoutIdToken() {
		SessionBootstrapper bootstrapper = bootstrapper(Details.none().withSession(TestSessions.fresh(NOW)));
		assertThat(bootstrapper.reauthenticator(bootstrapper.bootstrap())).isNull();
	}

	@Test
	void newerSessionStoredByAnotherInstanceIsAdopted() {
		SessionBootstrapper bootstrapper = bootstrapper(Details.idToken());
		LightClient client = bootstrapper.bootstrap();
		// Another instance refreshed first and stored a session living longer than ours.
		SessionData theirs = TestSessions.session(NOW.plus(Duration.ofHours(3)), NOW.plus(Duration.ofDays(2)));
		this.store.save(USER_ID, theirs, 1);
		SessionData ours = TestSessions.session(NOW.plus(Duration.ofHours(2)), NOW.plus(Duration.ofDays(2)));
		client.replaceSession(Session.restore(ours), SessionListener.Change.REFRESHED);
		assertThat(client.exportSession()).isEqualTo(theirs);
		assertThat(this.store.load(USER_ID)).contains(new StoredSession(theirs, 2));
	}

	@Test
	void olderSessionStoredByAnotherInstanceIsOverwritten() {
		SessionBootstrapper bootstrapper = bootstrapper(Details.idToken());
		LightClient client = bootstrapper.bootstrap();
		SessionData theirs = TestSessions.session(NOW.plus(Duration.ofHours(2)), NOW.plus(Duration.ofDays(2)));
		this.store.save(USER_ID, theirs, 1);
		SessionData ours = TestSessions.session(NOW.plus(Duration.ofHours(3)), NOW.plus(Duration.ofDays(2)));
		client.replaceSession(Session.restore(ours), SessionListener.Change.REFRESHED);
		assertThat(client.exportSession()).isEqualTo(ours);
		assertThat(this.store.load(USER_ID)).contains(new StoredSession(ours, 3));
	}

	@Test
	void storeFailureOnSaveIsLoggedNotThrown() {
		SessionBootstrapper bootstrapper = new SessionBootstrapper(Details.idToken(), new SessionStore() {

			@Override
			public java.util.Optional<StoredSession> load(String key) {
				return java.util.Optional.empty();
			}

			@Override
			public StoredSession save(String key, SessionData data, long expectedVersion) {
				throw new IllegalStateException("store down");
			}

			@Override
			public boolean delete(String key) {
				return false;
			}

		}, null, this.options, this.clients);
		assertThat(bootstrapper.bootstrap()).isNotNull();
	}

	@Test
	void noCredentialsFailWithTypedException() {
		assertThatExceptionOfType(MezonCredentialsException.class).isThrownBy(() -> bootstrapper(Details.none()).bootstrap())
			.satisfies((ex) -> assertThat(ex.getMissing()).isEmpty());
	}

	@Test
	void incompleteIdTokenCredentialsNameWhatIsMissing() {
		Details details = new Details("id-token-secret", USER_ID, null, null);
		assertThatExceptionOfType(MezonCredentialsException.class).isThrownBy(() -> bootstrapper(details).bootstrap())
			.satisfies((ex) -> {
				assertThat(ex.getMissing()).containsExactly("mezon.username");
				assertThat(ex.getMessage()).doesNotContain("id-token-secret");
			});
	}

	@Test
	void incompleteConfiguredSessionNamesWhatIsMissing() {
		SessionData partial = new SessionData("t", "", "", null, USER_ID);
		assertThatExceptionOfType(MezonCredentialsException.class)
			.isThrownBy(() -> bootstrapper(Details.none().withSession(partial)).bootstrap())
			.satisfies((ex) -> assertThat(ex.getMissing()).containsExactly("mezon.session.refresh-token",
					"mezon.session.api-url"));
	}

	@Test
	void expiredConfiguredSessionWithoutIdTokenFails() {
		SessionData expired = TestSessions.session(NOW.minusSeconds(100), NOW.minusSeconds(10));
		assertThatExceptionOfType(MezonCredentialsException.class)
			.isThrownBy(() -> bootstrapper(Details.none().withSession(expired)).bootstrap())
			.satisfies((ex) -> assertThat(ex.getMissing()).containsExactly("mezon.id-token"));
	}

	/** Authenticating returns a fresh session at the clock's time; restoring uses the real client. */
	final class FakeClients implements ClientFactory {

		final List<AuthenticateConfig> authentications = new ArrayList<>();

		final List<String> restoredWithServerKey = new ArrayList<>();

		@Override
		public LightClient authenticate(AuthenticateConfig config, LightClientOptions options) {
			this.authentications.add(config);
			return TestSessions.client(TestSessions.fresh(SessionBootstrapperTests.this.clock.instant()), options);
		}

		@Override
		public LightClient restore(ClientInitConfig config, LightClientOptions options) {
			this.restoredWithServerKey.add(config.serverKey());
			return LightClient.initClient(config, options);
		}

	}

	record Details(@Nullable String token, @Nullable String user, @Nullable String name,
			@Nullable SessionData stored) implements MezonConnectionDetails {

		static Details idToken() {
			return new Details("id-token", USER_ID, "bot", null);
		}

		static Details none() {
			return new Details(null, null, null, null);
		}

		Details withSession(SessionData session) {
			return new Details(this.token, this.user, this.name, session);
		}

		@Override
		public String getGatewayUrl() {
			return "https://gw.mezon.test";
		}

		@Override
		public String getServerKey() {
			return "secret-key";
		}

		@Override
		public @Nullable String getIdToken() {
			return this.token;
		}

		@Override
		public @Nullable String getUserId() {
			return this.user;
		}

		@Override
		public @Nullable String getUsername() {
			return this.name;
		}

		@Override
		public @Nullable SessionData getSession() {
			return this.stored;
		}

	}

}
