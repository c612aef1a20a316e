package ai.mezon.light.session;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import ai.mezon.light.Ids;
import ai.mezon.light.MezonInvalidUrlException;
import ai.mezon.light.MezonSessionException;
import ai.mezon.light.Secrets;
import ai.mezon.light.internal.jwt.JwtClaims;
import ai.mezon.light.internal.net.Endpoints;

/**
 * An authenticated Mezon session: an access token and a refresh token (both JWTs, PROTOCOL.md §3)
 * and the hosts to talk to. Immutable; a refresh produces a new instance.
 *
 * <p>Expired means {@code exp - now <= 0}. Expiry is checked against a {@link Clock} so tests can
 * move time without sleeping. {@link #toString()} masks both tokens.
 */
public final class Session {

	private final String token;

	private final String refreshToken;

	private final String apiUrl;

	private final @Nullable String wsUrl;

	private final String userId;

	private final @Nullable String username;

	private final Map<String, String> vars;

	private final Instant expiresAt;

	private final Instant refreshExpiresAt;

	private final boolean remember;

	private Session(String token, String refreshToken, String apiUrl, @Nullable String wsUrl,
			@Nullable String userId, boolean remember) {
		JwtClaims claims = JwtClaims.parse(token, "token");
		JwtClaims refreshClaims = JwtClaims.parse(refreshToken, "refresh token");
		this.token = token;
		this.refreshToken = refreshToken;
		this.apiUrl = apiUrl;
		this.wsUrl = (wsUrl == null || wsUrl.isBlank()) ? null : wsUrl;
		String id = (userId != null && !userId.isBlank()) ? userId : claims.userId();
		if (id == null || id.isBlank()) {
			throw new MezonSessionException("Session has no user id: neither given nor in the token's uid claim");
		}
		Ids.parse("userId", id);
		this.userId = id.trim();
		this.username = claims.username();
		this.vars = claims.vars();
		this.expiresAt = claims.expiresAt();
		this.refreshExpiresAt = refreshClaims.expiresAt();
		this.remember = remember;
	}

	/**
	 * Creates a session from its parts.
	 * @param token the access token
	 * @param refreshToken the refresh token
	 * @param apiUrl the REST host
	 * @param wsUrl the socket host, or {@code null} to derive it from {@code apiUrl}
	 * @param userId the user id, or {@code null} to take it from the token's {@code uid} claim
	 * @param remember the {@code is_remember} flag sent back on refresh
	 * @return the session
	 * @throws MezonSessionException if a token is malformed or no user id is known
	 * @throws MezonInvalidUrlException if {@code apiUrl} or {@code wsUrl} is not a usable host URL
	 * (see {@code Endpoints}: http/https/ws/wss, a host, a port in 1..65535)
	 */
	public static Session of(String token, String refreshToken, String apiUrl, @Nullable String wsUrl,
			@Nullable String userId, boolean remember) {
		requireText(token, "token");
		requireText(refreshToken, "refresh_token");
		requireText(apiUrl, "api_url");
		// Every session passes here, whatever its source (store, configuration, gateway, refresh):
		// a bad host fails now, typed and named, not later inside a connect or a REST call.
		Endpoints.validateApiUrl("api_url", apiUrl);
		Endpoints.validateWsUrl(wsUrl);
		return new Session(token, refreshToken, apiUrl, wsUrl, userId, remember);
	}

	/**
	 * Restores an exported session (ours or the TypeScript SDK's).
	 * @param data the exported session
	 * @return the session
	 * @throws MezonSessionException if a field is missing or a token is malformed
	 */
	public static Session restore(SessionData data) {
		return of(data.token(), data.refreshToken(), data.apiUrl(), data.wsUrl(), data.userId(), false);
	}

	private static void requireText(@Nullable String value, String name) {
		if (value == null || value.isBlank()) {
			throw new MezonSessionException("Session is missing " + name);
		}
	}

	/**
	 * Returns a copy with new tokens, as after a refresh; hosts and user are kept.
	 * @param newToken the new access token
	 * @param newRefreshToken the new refresh token (it may have rotated)
	 * @return the refreshed session
	 */
	public Session withTokens(String newToken, String newRefreshToken) {
		return of(newToken, newRefreshToken, this.apiUrl, this.wsUrl, this.userId, this.remember);
	}

	/**
	 * Returns a copy with new tokens and hosts, as after a refresh whose answer names the hosts;
	 * a blank host keeps the current one.
	 * @param newToken the new access token
	 * @param newRefreshToken the new refresh token
	 * @param newApiUrl the REST host from the answer, or blank to keep the current one
	 * @param newWsUrl the socket host from the answer, or blank to keep the current one
	 * @return the refreshed session
	 * @throws MezonInvalidUrlException if a new host is not a usable URL
	 */
	public Session withTokensAndHosts(String newToken, String newRefreshToken, @Nullable String newApiUrl,
			@Nullable String newWsUrl) {
		String api = (newApiUrl != null && !newApiUrl.isBlank()) ? newApiUrl : this.apiUrl;
		String ws = (newWsUrl != null && !newWsUrl.isBlank()) ? newWsUrl : this.wsUrl;
		return of(newToken, newRefreshToken, api, ws, this.userId, this.remember);
	}

	/**
	 * Exports the session in the form the TypeScript SDK exports and restores.
	 * @return the exportable data
	 */
	public SessionData export() {
		return new SessionData(this.token, this.refreshToken, this.apiUrl, this.wsUrl, this.userId);
	}

	/**
	 * Whether the access token has expired at the clock's instant.
	 * @param clock the clock
	 * @return {@code true} when {@code exp - now <= 0}
	 */
	public boolean isExpired(Clock clock) {
		return !this.expiresAt.isAfter(clock.instant());
	}

	/**
	 * Whether the refresh token has expired at the clock's instant.
	 * @param clock the clock
	 * @return {@code true} when the refresh token's {@code exp - now <= 0}
	 */
	public boolean isRefreshExpired(Clock clock) {
		return !this.refreshExpiresAt.isAfter(clock.instant());
	}

	/** @return the access token; never log it */
	public String getToken() {
		return this.token;
	}

	/** @return the refresh token; never log it */
	public String getRefreshToken() {
		return this.refreshToken;
	}

	/** @return the REST host */
	public String getApiUrl() {
		return this.apiUrl;
	}

	/** @return the socket host as the server gave it, or {@code null} when it must be derived */
	public @Nullable String getWsUrl() {
		return this.wsUrl;
	}

	/** @return the user id as a decimal string */
	public String getUserId() {
		return this.userId;
	}

	/** @return the {@code usn} claim, or {@code null} */
	public @Nullable String getUsername() {
		return this.username;
	}

	/** @return the {@code vrs} claim, sent back as {@code vars} on refresh */
	public Map<String, String> getVars() {
		return this.vars;
	}

	/** @return when the access token expires */
	public Instant getExpiresAt() {
		return this.expiresAt;
	}

	/** @return when the refresh token expires */
	public Instant getRefreshExpiresAt() {
		return this.refreshExpiresAt;
	}

	/** @return the {@code is_remember} flag */
	public boolean isRemember() {
		return this.remember;
	}

	@Override
	public String toString() {
		return "Session[userId=" + this.userId + ", username=" + this.username + ", apiUrl=" + this.apiUrl
				+ ", wsUrl=" + this.wsUrl + ", expiresAt=" + this.expiresAt + ", refreshExpiresAt="
				+ this.refreshExpiresAt + ", token=" + Secrets.mask(this.token) + ", refreshToken="
				+ Secrets.mask(this.refreshToken) + "]";
	}

}
