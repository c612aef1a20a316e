package ai.mezon.light.autoconfigure.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.mezon.light.AuthenticateConfig;
import ai.mezon.light.ClientInitConfig;
import ai.mezon.light.LightClient;
import ai.mezon.light.LightClientOptions;
import ai.mezon.light.MezonException;
import ai.mezon.light.MezonInsecureTransportException;
import ai.mezon.light.autoconfigure.MezonConnectionDetails;
import ai.mezon.light.autoconfigure.MezonCredentialsException;
import ai.mezon.light.autoconfigure.MezonSignInException;
import ai.mezon.light.session.Session;
import ai.mezon.light.session.SessionData;
import ai.mezon.light.session.SessionListener;
import ai.mezon.light.session.SessionStore;
import ai.mezon.light.session.SessionStoreConflictException;
import ai.mezon.light.session.StoredSession;

/**
 * Builds the auto-configured {@link LightClient} and keeps its session in the
 * {@link SessionStore}.
 *
 * <p>The session comes from, in order: the store, when it holds one whose refresh token is still
 * alive (it is the newest: a refresh may have rotated the configured refresh token); the
 * configured session; authentication with the configured id token. Anything else fails with
 * {@link MezonCredentialsException}; a failed authentication with {@link MezonSignInException}
 * (naming the gateway). Every later change of the session (refresh, authenticating
 * again, adoption) is saved with the store's compare-and-set. When another instance saved first,
 * its session is adopted if it lives longer than ours, otherwise ours overwrites it.
 */
public final class SessionBootstrapper {

	private static final Logger logger = LoggerFactory.getLogger(SessionBootstrapper.class);

	/** The store key when no key is configured and no user id is known before authenticating. */
	public static final String DEFAULT_KEY = "default";

	private final MezonConnectionDetails details;

	private final SessionStore store;

	private final String key;

	private final LightClientOptions options;

	private final ClientFactory clients;

	private final Object saveMonitor = new Object();

	private long version = SessionStore.NO_VERSION;

	private @Nullable SessionData lastSaved;

	private @Nullable Source source;

	/**
	 * @param details where to connect and the configured credentials
	 * @param store where the session is kept
	 * @param key the store key, or {@code null} to derive it from the user id
	 * @param options the client options
	 * @param clients how clients are obtained
	 */
	public SessionBootstrapper(MezonConnectionDetails details, SessionStore store, @Nullable String key,
			LightClientOptions options, ClientFactory clients) {
		this.details = details;
		this.store = store;
		this.key = (key != null && !key.isBlank()) ? key : deriveKey(details);
		this.options = options;
		this.clients = clients;
	}

	private static String deriveKey(MezonConnectionDetails details) {
		if (hasText(details.getUserId())) {
			return details.getUserId().trim();
		}
		SessionData session = details.getSession();
		if (session != null && hasText(session.userId())) {
			return session.userId();
		}
		return DEFAULT_KEY;
	}

	/** @return the key the session is stored under */
	public String getKey() {
		return this.key;
	}

	/** @return where the last {@link #bootstrap()} took the session from, or {@code null} before */
	public @Nullable Source getSource() {
		return this.source;
	}

	/**
	 * Builds the client from the best session available and starts saving its changes.
	 * @return the client
	 * @throws MezonCredentialsException when no stored session is usable and the configured
	 * credentials are missing or incomplete
	 */
	public LightClient bootstrap() {
		Clock clock = this.options.clock();
		LightClient client = null;
		Optional<StoredSession> stored = loadStored();
		if (stored.isPresent()) {
			// Saving needs the stored version even when the stored session itself is unusable.
			this.version = stored.get().version();
			String what = "stored in " + this.store + " under key '" + this.key + "'";
			if (isUsable(stored.get().data(), clock, what)) {
				client = restore(stored.get().data(), what);
				if (client != null) {
					this.lastSaved = stored.get().data();
					this.source = Source.STORE;
				}
			}
		}
		if (client == null) {
			client = fromConfiguration(clock);
			persist(client, client.getSession());
		}
		// Whatever the session came from, the client can sign in again with the configured id token
		// when the server no longer accepts it (the socket decides when: LightClient#reauthenticate).
		AuthenticateConfig reauthentication = authenticateConfig();
		if (reauthentication != null && !client.canReauthenticate()) {
			client.setReauthentication(reauthentication);
		}
		LightClient persisted = client;
		client.addSessionListener((session, change) -> persist(persisted, session));
		logger.info("Mezon session for user {} from {}; access token expires at {}", client.userId(), this.source,
				client.getSession().getExpiresAt());
		return client;
	}

	/**
	 * Loads the stored session. A store that fails to answer (unreachable, unreadable) must not stop
	 * a bot that has other credentials: it is logged and treated as holding nothing; the stores
	 * themselves set unreadable entries aside (see their Javadoc), so the next save replaces them. A
	 * store whose table does not exist is a configuration error, not a passing failure: every save
	 * would fail too. It stops start-up, explained by the JDBC schema failure analyzer.
	 */
	private Optional<StoredSession> loadStored() {
		try {
			return this.store.load(this.key);
		}
		catch (RuntimeException ex) {
			if (isMissingSchema(ex)) {
				throw ex;
			}
			// Store exceptions name the key or SQL, never the values: safe to log.
			logger.warn("Could not load the Mezon session stored in {} under key '{}', signing in with the configured "
					+ "credentials: {}", this.store, this.key, ex.toString());
			return Optional.empty();
		}
	}

	/** @return whether a SQL exception in the chain says a table or column does not exist (SQL state class 42) */
	static boolean isMissingSchema(Throwable ex) {
		for (Throwable t = ex; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
			if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("42")) {
				return true;
			}
		}
		return false;
	}

	private @Nullable LightClient restore(SessionData data, String what) {
		try {
			return this.clients.restore(initConfig(data), this.options);
		}
		catch (MezonException ex) {
			logger.warn("Ignoring the session {}: {}; the next save replaces it", what, ex.getMessage());
			return null;
		}
	}

	private LightClient fromConfiguration(Clock clock) {
		SessionData configured = this.details.getSession();
		boolean canAuthenticate = hasText(this.details.getIdToken());
		if (configured != null) {
			SessionData complete = complete(configured);
			if (complete != null && isUsable(complete, clock, "configured")) {
				this.source = Source.CONFIGURED_SESSION;
				return this.clients.restore(initConfig(complete), this.options);
			}
			if (!canAuthenticate) {
				throw new MezonCredentialsException("The configured Mezon session cannot be used (a token is "
						+ "malformed or the refresh token has expired) and no id token is configured to authenticate "
						+ "again", List.of("mezon.id-token"));
			}
		}
		AuthenticateConfig config = authenticateConfig();
		if (config == null) {
			throw missingCredentials();
		}
		this.source = Source.AUTHENTICATION;
		try {
			return this.clients.authenticate(config, this.options);
		}
		catch (MezonInsecureTransportException ex) {
			// Explained as is: the fix is a property, not the gateway.
			throw ex;
		}
		catch (MezonException ex) {
			// Start-up failure analysis names the gateway and the property to fix.
			throw new MezonSignInException(this.details.getGatewayUrl(), ex);
		}
	}

	/**
	 * Checks the configured session has every part and fills the user id from the token.
	 * @return the completed session, or {@code null} when a token is malformed
	 */
	private @Nullable SessionData complete(SessionData data) {
		List<String> missing = new ArrayList<>();
		if (!hasText(data.token())) {
			missing.add("mezon.session.token");
		}
		if (!hasText(data.refreshToken())) {
			missing.add("mezon.session.refresh-token");
		}
		if (!hasText(data.apiUrl())) {
			missing.add("mezon.session.api-url");
		}
		if (!missing.isEmpty()) {
			throw new MezonCredentialsException(
					"The configured Mezon session is incomplete, missing " + String.join(", ", missing), missing);
		}
		if (hasText(data.userId())) {
			return data;
		}
		try {
			// Session.of reads the user id from the token's uid claim when none is given.
			return Session.of(data.token(), data.refreshToken(), data.apiUrl(), data.wsUrl(), null, false).export();
		}
		catch (MezonException ex) {
			logger.warn("Ignoring the configured session: {}", ex.getMessage());
			return null;
		}
	}

	private MezonCredentialsException missingCredentials() {
		if (hasText(this.details.getIdToken())) {
			List<String> missing = new ArrayList<>();
			if (!hasText(this.details.getUserId())) {
				missing.add("mezon.user-id");
			}
			if (!hasText(this.details.getUsername())) {
				missing.add("mezon.username");
			}
			return new MezonCredentialsException(
					"Mezon id token credentials are incomplete, missing " + String.join(", ", missing), missing);
		}
		return new MezonCredentialsException("No Mezon credentials are configured and no session is stored under key '"
				+ this.key + "'", List.of());
	}

	/** @return the configured id token credentials, or {@code null} when incomplete */
	private @Nullable AuthenticateConfig authenticateConfig() {
		String idToken = this.details.getIdToken();
		String userId = this.details.getUserId();
		String username = this.details.getUsername();
		if (!hasText(idToken) || !hasText(userId) || !hasText(username)) {
			return null;
		}
		return new AuthenticateConfig(idToken, userId.trim(), username, this.details.getGatewayUrl(),
				this.details.getServerKey());
	}

	private ClientInitConfig initConfig(SessionData data) {
		return new ClientInitConfig(data.token(), data.refreshToken(), data.apiUrl(), data.wsUrl(), data.userId(),
				this.details.getServerKey());
	}

	private boolean isUsable(SessionData data, Clock clock, String what) {
		try {
			Session session = Session.restore(data);
			if (hasText(this.details.getUserId()) && !session.getUserId().equals(this.details.getUserId().trim())) {
				logger.warn("Ignoring the session {}: it belongs to user {}, not {}", what, session.getUserId(),
						this.details.getUserId());
				return false;
			}
			if (session.isRefreshExpired(clock)) {
				logger.info("Ignoring the session {}: its refresh token expired at {}", what,
						session.getRefreshExpiresAt());
				return false;
			}
			return true;
		}
		catch (MezonException ex) {
			// E.g. a token that is no JWT, or a host URL that is not one (MezonInvalidUrlException names it).
			logger.warn("Ignoring the session {}: {}; the next save replaces it", what, ex.getMessage());
			return false;
		}
	}

	/**
	 * A way to authenticate again with the configured id token and hand the new session to a
	 * client, for when its refresh token died.
	 * @param client the client to give the new session to
	 * @return the action, returning the new session, or {@code null} when no id token credentials
	 * are configured
	 */
	public @Nullable Supplier<Session> reauthenticator(LightClient client) {
		AuthenticateConfig config = authenticateConfig();
		if (config == null) {
			return null;
		}
		return () -> {
			Session session = this.clients.authenticate(config, this.options).getSession();
			client.replaceSession(session, SessionListener.Change.AUTHENTICATED);
			return session;
		};
	}

	/**
	 * Saves a client's session unless it is the one saved last. On a conflict, adopts the stored
	 * session when it lives longer, otherwise saves over it. Failures are logged, not thrown: the
	 * client keeps working with the session it has.
	 */
	void persist(LightClient client, Session session) {
		SessionData data = session.export();
		synchronized (this.saveMonitor) {
			if (data.equals(this.lastSaved)) {
				return;
			}
			try {
				save(data);
			}
			catch (SessionStoreConflictException ex) {
				resolveConflict(client, session, data);
			}
			catch (RuntimeException ex) {
				// Store exceptions name the key or SQL, never the values: safe to log.
				logger.warn("Could not save the Mezon session under key '{}': {}", this.key, ex.toString());
			}
		}
	}

	/**
	 * Records a session another instance stored as the one this instance saved last, before the
	 * client adopts it, so adopting it writes nothing back.
	 * @param stored the stored session and its version
	 */
	public void adopted(StoredSession stored) {
		synchronized (this.saveMonitor) {
			this.version = stored.version();
			this.lastSaved = stored.data();
		}
	}

	private void save(SessionData data) {
		StoredSession saved = this.store.save(this.key, data, this.version);
		this.version = saved.version();
		this.lastSaved = data;
	}

	private void resolveConflict(LightClient client, Session ours, SessionData data) {
		try {
			Optional<StoredSession> latest = this.store.load(this.key);
			if (latest.isPresent()) {
				Session theirs = adoptable(latest.get().data(), ours);
				if (theirs != null) {
					this.version = latest.get().version();
					this.lastSaved = latest.get().data();
					logger.info("Adopting the newer Mezon session another instance stored under key '{}' (version {})",
							this.key, this.version);
					// Listeners (this one included) are told; this one finds it saved already.
					client.replaceSession(theirs, SessionListener.Change.REFRESHED);
					return;
				}
			}
			this.version = latest.map(StoredSession::version).orElse(SessionStore.NO_VERSION);
			save(data);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not save the Mezon session under key '{}' after a concurrent change: {}", this.key,
					ex.toString());
		}
	}

	private @Nullable Session adoptable(SessionData stored, Session ours) {
		try {
			Session theirs = Session.restore(stored);
			boolean sameUser = theirs.getUserId().equals(ours.getUserId());
			return (sameUser && theirs.getExpiresAt().isAfter(ours.getExpiresAt())) ? theirs : null;
		}
		catch (MezonException ex) {
			return null;
		}
	}

	private static boolean hasText(@Nullable String value) {
		return value != null && !value.isBlank();
	}

	/** Where a bootstrapped session came from. */
	public enum Source {

		/** The session store. */
		STORE,

		/** The configured session ({@code mezon.session.*} or connection details). */
		CONFIGURED_SESSION,

		/** Authentication with the configured id token. */
		AUTHENTICATION

	}

}
