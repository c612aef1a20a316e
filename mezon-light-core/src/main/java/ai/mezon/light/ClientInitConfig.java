package ai.mezon.light;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import ai.mezon.light.session.SessionData;

/**
 * What {@link LightClient#initClient(ClientInitConfig)} needs to resume an existing session
 * without authenticating, e.g. one restored from storage.
 *
 * @param token the access token
 * @param refreshToken the refresh token
 * @param apiUrl the REST host
 * @param wsUrl the socket host, or {@code null} to derive it from {@code apiUrl}
 * @param userId the user id as a decimal string
 * @param serverKey the server key used on refresh, or {@code null} for the default
 */
public record ClientInitConfig(@Nullable String token, @Nullable String refreshToken, @Nullable String apiUrl,
		@Nullable String wsUrl, @Nullable String userId, @Nullable String serverKey) {

	/**
	 * Configuration from an exported session, with the default server key.
	 * @param data the exported session
	 * @return the configuration
	 */
	public static ClientInitConfig from(SessionData data) {
		return new ClientInitConfig(data.token(), data.refreshToken(), data.apiUrl(), data.wsUrl(), data.userId(),
				null);
	}

	/**
	 * Checks that every required field is present.
	 * @throws MezonSessionException naming every missing field
	 */
	void validate() {
		List<String> missing = new ArrayList<>();
		addIfBlank(missing, this.token, "token");
		addIfBlank(missing, this.refreshToken, "refresh_token");
		addIfBlank(missing, this.apiUrl, "api_url");
		addIfBlank(missing, this.userId, "user_id");
		if (!missing.isEmpty()) {
			throw new MezonSessionException("Cannot initialise the client, missing: " + String.join(", ", missing));
		}
	}

	/** @return the server key to use, defaulted */
	public String effectiveServerKey() {
		return (this.serverKey != null && !this.serverKey.isBlank()) ? this.serverKey
				: AuthenticateConfig.DEFAULT_SERVER_KEY;
	}

	private static void addIfBlank(List<String> missing, @Nullable String value, String name) {
		if (value == null || value.isBlank()) {
			missing.add(name);
		}
	}

	@Override
	public String toString() {
		return "ClientInitConfig[token=" + Secrets.mask(this.token) + ", refreshToken=" + Secrets.mask(this.refreshToken)
				+ ", apiUrl=" + this.apiUrl + ", wsUrl=" + this.wsUrl + ", userId=" + this.userId + "]";
	}

}
