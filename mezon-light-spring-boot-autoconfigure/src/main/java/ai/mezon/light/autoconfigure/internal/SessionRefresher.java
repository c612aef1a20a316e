package ai.mezon.light.autoconfigure.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

import ai.mezon.light.LightClient;
import ai.mezon.light.MezonApiException;
import ai.mezon.light.MezonSessionException;
import ai.mezon.light.session.Session;
import ai.mezon.light.session.SessionListener;
import ai.mezon.light.spring.MezonSessionExpiredEvent;
import ai.mezon.light.spring.MezonSessionRefreshedEvent;

/**
 * Refreshes the client's session {@code before-expiry} ahead of the access token's expiry, on
 * one daemon thread, so callers never meet an expired token.
 *
 * <p>When the refresh token is dead (expired, or refused with a 4xx) it authenticates again with
 * the configured id token if there is one, else publishes {@link MezonSessionExpiredEvent} and
 * stops. Failures that may pass (timeouts, 5xx) are retried after {@code retry-interval}. Every
 * session change, whoever made it, publishes {@link MezonSessionRefreshedEvent} and re-plans the
 * next refresh.
 *
 * <p>Runs in {@link #PHASE}: components needing a live token (the real-time socket) should use a
 * later phase, so they start after it and stop before it.
 */
public final class SessionRefresher implements SmartLifecycle {

	/** The lifecycle phase: early, before the socket's. */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 2048;

	private static final Logger logger = LoggerFactory.getLogger(SessionRefresher.class);

	/** How long {@link #stop()} lets a refresh in progress finish. */
	private static final Duration STOP_WAIT = Duration.ofSeconds(10);

	private final LightClient client;

	private final Supplier<Session> refresh;

	private final @Nullable Supplier<Session> reauthenticate;

	private final Duration beforeExpiry;

	private final Duration retryInterval;

	private final ApplicationEventPublisher publisher;

	private final Clock clock;

	private final Object monitor = new Object();

	private @Nullable ScheduledExecutorService scheduler;

	private @Nullable ScheduledFuture<?> next;

	private @Nullable AutoCloseable listenerHandle;

	/**
	 * @param client the client whose session to keep alive
	 * @param refresh refreshes the session, normally {@link LightClient#refreshSession()}
	 * @param reauthenticate authenticates again and gives the client the new session, or
	 * {@code null} when no id token is configured
	 * @param beforeExpiry how long before expiry to refresh
	 * @param retryInterval delay before retrying after a failure that may pass
	 * @param publisher publishes the session events
	 */
	public SessionRefresher(LightClient client, Supplier<Session> refresh, @Nullable Supplier<Session> reauthenticate,
			Duration beforeExpiry, Duration retryInterval, ApplicationEventPublisher publisher) {
		this.client = client;
		this.refresh = refresh;
		this.reauthenticate = reauthenticate;
		this.beforeExpiry = beforeExpiry;
		this.retryInterval = retryInterval;
		this.publisher = publisher;
		this.clock = client.getOptions().clock();
	}

	@Override
	public void start() {
		synchronized (this.monitor) {
			if (this.scheduler != null) {
				return;
			}
			this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, "mezon-session-refresh");
				thread.setDaemon(true);
				return thread;
			});
			this.listenerHandle = this.client.addSessionListener(this::sessionChanged);
			schedule(delayUntilRefresh(this.client.getSession()));
		}
	}

	@Override
	public void stop() {
		ScheduledExecutorService stopping;
		synchronized (this.monitor) {
			if (this.scheduler == null) {
				return;
			}
			try {
				if (this.listenerHandle != null) {
					this.listenerHandle.close();
				}
			}
			catch (Exception ex) {
				logger.debug("Could not remove the session listener", ex);
			}
			stopping = this.scheduler;
			if (this.next != null) {
				// Only the planned run: one in progress is let finish below.
				this.next.cancel(false);
			}
			this.scheduler = null;
			this.next = null;
			this.listenerHandle = null;
		}
		// A refresh in progress finishes (outside the monitor: it re-plans through it): interrupted
		// between the refresh call and the save, the rotated session would be lost and the store
		// left with a spent refresh token.
		stopping.shutdown();
		try {
			if (!stopping.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
				stopping.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			stopping.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		synchronized (this.monitor) {
			return this.scheduler != null;
		}
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	/**
	 * Asks for a refresh as soon as possible, on the refresh thread, e.g. because the socket
	 * could not refresh the session before reconnecting: a dead refresh token is then replaced by
	 * authenticating again with the id token. Does nothing when stopped.
	 */
	public void refreshSoon() {
		schedule(Duration.ZERO);
	}

	/** @return the delay until the next planned refresh, or {@code null} when none is planned */
	@Nullable Duration nextRefreshDelay() {
		synchronized (this.monitor) {
			return (this.next != null && !this.next.isDone())
					? Duration.ofMillis(this.next.getDelay(TimeUnit.MILLISECONDS)) : null;
		}
	}

	/**
	 * When to refresh a session: {@code before-expiry} ahead of the access token's expiry, or of
	 * the refresh token's if it dies first. A token living shorter than {@code before-expiry} is
	 * refreshed halfway through its remaining life rather than at once, which would loop.
	 * @param session the session
	 * @return the delay, zero when the token has expired
	 */
	Duration delayUntilRefresh(Session session) {
		Instant now = this.clock.instant();
		Duration access = delayBefore(session.getExpiresAt(), now);
		Duration refreshToken = delayBefore(session.getRefreshExpiresAt(), now);
		return (access.compareTo(refreshToken) <= 0) ? access : refreshToken;
	}

	private Duration delayBefore(Instant expiry, Instant now) {
		Duration remaining = Duration.between(now, expiry);
		if (remaining.isNegative() || remaining.isZero()) {
			return Duration.ZERO;
		}
		Duration delay = remaining.minus(this.beforeExpiry);
		return delay.isNegative() || delay.isZero() ? remaining.dividedBy(2) : delay;
	}

	private void sessionChanged(Session session, SessionListener.Change change) {
		try {
			this.publisher.publishEvent(new MezonSessionRefreshedEvent(this.client, session, change));
		}
		finally {
			schedule(delayUntilRefresh(session));
		}
	}

	/**
	 * Refreshes now; what happens next (a planned refresh, a retry, re-authentication or the
	 * expired event) follows from the outcome. Runs on the refresh thread.
	 */
	void refreshNow() {
		Session current = this.client.getSession();
		try {
			this.refresh.get();
			// The session listener has published the event and planned the next refresh.
		}
		catch (MezonSessionException ex) {
			if (isDead(ex, current)) {
				refreshTokenDead(current, ex);
			}
			else {
				retryLater(ex);
			}
		}
		catch (RuntimeException ex) {
			retryLater(ex);
		}
	}

	private boolean isDead(MezonSessionException ex, Session current) {
		if (current.isRefreshExpired(this.clock)) {
			return true;
		}
		// Refused by the server (401, 403, 400...): the refresh token will not work again.
		return ex.getCause() instanceof MezonApiException api && api.getStatusCode() >= 400
				&& api.getStatusCode() < 500;
	}

	private void refreshTokenDead(Session current, MezonSessionException ex) {
		if (this.reauthenticate == null) {
			logger.warn("Mezon session of user {} can no longer be refreshed ({}) and no id token is configured",
					current.getUserId(), ex.getMessage());
			this.publisher.publishEvent(new MezonSessionExpiredEvent(this.client, current, ex));
			return;
		}
		try {
			logger.info("Mezon refresh token of user {} is dead ({}); authenticating again with the id token",
					current.getUserId(), ex.getMessage());
			this.reauthenticate.get();
			// replaceSession told the listener, which planned the next refresh.
		}
		catch (RuntimeException authEx) {
			logger.warn("Mezon session of user {} expired and authenticating again failed: {}", current.getUserId(),
					authEx.getMessage());
			this.publisher.publishEvent(new MezonSessionExpiredEvent(this.client, current, authEx));
		}
	}

	private void retryLater(RuntimeException ex) {
		logger.warn("Mezon session refresh failed ({}); retrying in {}", ex.toString(), this.retryInterval);
		schedule(this.retryInterval);
	}

	private void schedule(Duration delay) {
		synchronized (this.monitor) {
			if (this.scheduler == null) {
				return;
			}
			if (this.next != null) {
				// Called from the running task too: never interrupt it, only drop a pending run.
				this.next.cancel(false);
			}
			this.next = this.scheduler.schedule(this::runSafely, delay.toMillis(), TimeUnit.MILLISECONDS);
			logger.debug("Next Mezon session refresh in {}", delay);
		}
	}

	private void runSafely() {
		try {
			refreshNow();
		}
		catch (RuntimeException ex) {
			// A failing event listener must not end the refresh cycle.
			logger.warn("Mezon session refresh cycle failed", ex);
			schedule(this.retryInterval);
		}
	}

}
