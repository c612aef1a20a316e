package ai.mezon.light.autoconfigure.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;

import ai.mezon.light.LightClient;
import ai.mezon.light.LightClientOptions;
import ai.mezon.light.MezonApiException;
import ai.mezon.light.MezonSessionException;
import ai.mezon.light.MezonTimeoutException;
import ai.mezon.light.autoconfigure.TestSessions;
import ai.mezon.light.autoconfigure.TestSessions.MutableClock;
import ai.mezon.light.session.Session;
import ai.mezon.light.session.SessionListener;
import ai.mezon.light.spring.MezonSessionExpiredEvent;
import ai.mezon.light.spring.MezonSessionRefreshedEvent;

import static ai.mezon.light.autoconfigure.TestSessions.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link SessionRefresher}: when it refreshes, and what it does when refreshing fails.
 */
class SessionRefresherTests {

	private static final Duration BEFORE = Duration.ofMinutes(5);

	private static final Duration RETRY = Duration.ofSeconds(30);

	private final MutableClock clock = new MutableClock(NOW);

	private final List<Object> events = new CopyOnWriteArrayList<>();

	private final ApplicationEventPublisher publisher = this.events::add;

	private final LightClient client = TestSessions.client(TestSessions.fresh(NOW),
			LightClientOptions.builder().clock(this.clock).build());

	private final AtomicInteger refreshes = new AtomicInteger();

	private final AtomicInteger reauthentications = new AtomicInteger();

	private @Nullable SessionRefresher refresher;

	@AfterEach
	void stop() {
		if (this.refresher != null) {
			this.refresher.stop();
		}
	}

	private SessionRefresher refresher(Supplier<Session> refresh, @Nullable Supplier<Session> reauthenticate) {
		this.refresher = new SessionRefresher(this.client, refresh, reauthenticate, BEFORE, RETRY, this.publisher);
		return this.refresher;
	}

	/** A refresh as the client does it: new tokens, listeners told. */
	private Session refreshed() {
		this.refreshes.incrementAndGet();
		Session next = Session.restore(TestSessions.fresh(this.clock.instant()));
		this.client.replaceSession(next, SessionListener.Change.REFRESHED);
		return next;
	}

	private Session reauthenticated() {
		this.reauthentications.incrementAndGet();
		Session next = Session.restore(TestSessions.fresh(this.clock.instant()));
		this.client.replaceSession(next, SessionListener.Change.AUTHENTICATED);
		return next;
	}

	private Session session(Duration accessLeft, Duration refreshLeft) {
		return Session.restore(TestSessions.session(NOW.plus(accessLeft), NOW.plus(refreshLeft)));
	}

	@Test
	void refreshIsPlannedBeforeExpiryAhead() {
		SessionRefresher refresher = refresher(this::refreshed, null);
		assertThat(refresher.delayUntilRefresh(session(Duration.ofHours(1), Duration.ofDays(1))))
			.isEqualTo(Duration.ofMinutes(55));
	}

	@Test
	void shortLivedTokenIsRefreshedHalfwayNotAtOnce() {
		SessionRefresher refresher = refresher(this::refreshed, null);
		assertThat(refresher.delayUntilRefresh(session(Duration.ofMinutes(2), Duration.ofDays(1))))
			.isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void expiredAccessTokenIsRefreshedAtOnce() {
		SessionRefresher refresher = refresher(this::refreshed, null);
		assertThat(refresher.delayUntilRefresh(session(Duration.ofSeconds(-5), Duration.ofDays(1))))
			.isEqualTo(Duration.ZERO);
	}

	@Test
	void refreshTokenDyingFirstIsRefreshedBeforeIt() {
		SessionRefresher refresher = refresher(this::refreshed, null);
		assertThat(refresher.delayUntilRefresh(session(Duration.ofHours(2), Duration.ofMinutes(65))))
			.isEqualTo(Duration.ofMinutes(60));
	}

	@Test
	void startPlansTheFirstRefreshAndStopCancelsIt() {
		SessionRefresher refresher = refresher(this::refreshed, null);
		assertThat(refresher.isRunning()).isFalse();
		refresher.start();
		assertThat(refresher.isRunning()).isTrue();
		assertThat(refresher.nextRefreshDelay()).isBetween(Duration.ofMinutes(54), Duration.ofMinutes(55));
		refresher.stop();
		assertThat(refresher.isRunning()).isFalse();
		assertThat(refresher.nextRefreshDelay()).isNull();
	}

	@Test
	void successfulRefreshPublishesEventAndPlansTheNext() {
		SessionRefresher refresher = refresher(this::refreshed, null);
		refresher.start();
		this.clock.advance(Duration.ofMinutes(55));
		refresher.refreshNow();
		assertThat(this.refreshes).hasValue(1);
		assertThat(this.events).singleElement().isInstanceOfSatisfying(MezonSessionRefreshedEvent.class, (event) -> {
			assertThat(event.getChange()).isEqualTo(SessionListener.Change.REFRESHED);
			assertThat(event.getSession()).isSameAs(this.client.getSession());
			assertThat(event.getClient()).isSameAs(this.client);
		});
		assertThat(refresher.nextRefreshDelay()).isBetween(Duration.ofMinutes(54), Duration.ofMinutes(55));
	}

	@Test
	void refreshByAnyoneElseAlsoPublishesAndReplans() {
		SessionRefresher refresher = refresher(this::refreshed, null);
		refresher.start();
		this.clock.advance(Duration.ofMinutes(30));
		refreshed();
		assertThat(this.events).hasSize(1);
		assertThat(refresher.nextRefreshDelay()).isBetween(Duration.ofMinutes(54), Duration.ofMinutes(55));
	}

	@Test
	void refusedRefreshTokenWithIdTokenAuthenticatesAgain() {
		SessionRefresher refresher = refresher(() -> {
			throw refused(401);
		}, this::reauthenticated);
		refresher.start();
		refresher.refreshNow();
		assertThat(this.reauthentications).hasValue(1);
		assertThat(this.events).singleElement()
			.isInstanceOfSatisfying(MezonSessionRefreshedEvent.class,
					(event) -> assertThat(event.getChange()).isEqualTo(SessionListener.Change.AUTHENTICATED));
	}

	@Test
	void expiredRefreshTokenWithIdTokenAuthenticatesAgain() {
		SessionRefresher refresher = refresher(() -> {
			throw new MezonSessionException("Cannot refresh: the refresh token expired");
		}, this::reauthenticated);
		this.clock.advance(Duration.ofDays(2));
		refresher.refreshNow();
		assertThat(this.reauthentications).hasValue(1);
	}

	@Test
	void deadRefreshTokenWithoutIdTokenPublishesExpired() {
		SessionRefresher refresher = refresher(() -> {
			throw refused(401);
		}, null);
		refresher.start();
		Session before = this.client.getSession();
		refresher.refreshNow();
		assertThat(this.events).singleElement().isInstanceOfSatisfying(MezonSessionExpiredEvent.class, (event) -> {
			assertThat(event.getSession()).isSameAs(before);
			assertThat(event.getFailure()).isInstanceOf(MezonSessionException.class);
		});
	}

	@Test
	void failedReauthenticationPublishesExpired() {
		SessionRefresher refresher = refresher(() -> {
			throw refused(403);
		}, () -> {
			throw new ai.mezon.light.MezonAuthenticationException("refused", 401, null);
		});
		refresher.refreshNow();
		assertThat(this.events).singleElement().isInstanceOf(MezonSessionExpiredEvent.class);
	}

	@Test
	void transientFailureIsRetriedLaterWithoutEvents() {
		SessionRefresher refresher = refresher(() -> {
			throw new MezonSessionException("Session refresh refused (HTTP 503)",
					new MezonApiException("SessionRefresh", 503, "unavailable", null));
		}, this::reauthenticated);
		refresher.start();
		refresher.refreshNow();
		assertThat(this.events).isEmpty();
		assertThat(this.reauthentications).hasValue(0);
		assertThat(refresher.nextRefreshDelay()).isBetween(Duration.ofSeconds(29), RETRY);
	}

	@Test
	void timeoutIsRetriedLater() {
		SessionRefresher refresher = refresher(() -> {
			throw new MezonTimeoutException("SessionRefresh", Duration.ofSeconds(7), null);
		}, null);
		refresher.start();
		refresher.refreshNow();
		assertThat(this.events).isEmpty();
		assertThat(refresher.nextRefreshDelay()).isBetween(Duration.ofSeconds(29), RETRY);
	}

	@Test
	void scheduledRefreshRunsOnItsOwn() {
		// The system clock here: the token expires in 2 s, refreshed 1 s ahead (or halfway).
		LightClient live = TestSessions.client(
				TestSessions.session(Instant.now().plusSeconds(2), Instant.now().plus(Duration.ofDays(1))),
				LightClientOptions.defaults());
		AtomicInteger calls = new AtomicInteger();
		this.refresher = new SessionRefresher(live, () -> {
			calls.incrementAndGet();
			Session next = Session.restore(TestSessions.fresh(Instant.now()));
			live.replaceSession(next, SessionListener.Change.REFRESHED);
			return next;
		}, null, Duration.ofSeconds(1), RETRY, this.publisher);
		this.refresher.start();
		await().atMost(Duration.ofSeconds(5)).until(() -> calls.get() == 1);
		assertThat(this.events).hasSize(1);
		assertThat(this.refresher.nextRefreshDelay()).isGreaterThan(Duration.ofMinutes(58));
	}

	private static MezonSessionException refused(int status) {
		return new MezonSessionException("Session refresh refused (HTTP " + status + ")",
				new MezonApiException("SessionRefresh", status, "refused", null));
	}

}
