package ai.mezon.light;

import org.jspecify.annotations.Nullable;

/**
 * What {@link LightClient#authenticate(AuthenticateConfig)} needs: an id token from the identity
 * provider, the user it belongs to, and optionally the gateway and server key.
 *
 * @param idToken the id token (never logged)
 * @param userId the user id as a decimal string
 * @param username the user name
 * @param gatewayUrl the gateway, or {@code null} for {@value #DEFAULT_GATEWAY_URL}
 * @param serverKey the server key, or {@code null} for {@value #DEFAULT_SERVER_KEY}
 */
public record AuthenticateConfig(String idToken, String userId, String username, @Nullable String gatewayUrl,
		@Nullable String serverKey) {

	/** The public Mezon gateway. */
	public static final String DEFAULT_GATEWAY_URL = "https://gw.mezon.ai";

	/** The server key of the public Mezon servers. */
	public static final String DEFAULT_SERVER_KEY = "DefaultServerKey";

	/**
	 * Configuration for the public Mezon gateway and server key.
	 * @param idToken the id token
	 * @param userId the user id
	 * @param username the user name
	 */
	public AuthenticateConfig(String idToken, String userId, String username) {
		this(idToken, userId, username, null, null);
	}

	/** @return the gateway to use, defaulted */
	public String effectiveGatewayUrl() {
		return (this.gatewayUrl != null && !this.gatewayUrl.isBlank()) ? this.gatewayUrl : DEFAULT_GATEWAY_URL;
	}

	/** @return the server key to use, defaulted */
	public String effectiveServerKey() {
		return (this.serverKey != null && !this.serverKey.isBlank()) ? this.serverKey : DEFAULT_SERVER_KEY;
	}

	@Override
	public String toString() {
		return "AuthenticateConfig[idToken=" + Secrets.mask(this.idToken) + ", userId=" + this.userId + ", username="
				+ this.username + ", gatewayUrl=" + effectiveGatewayUrl() + ", serverKey="
				+ Secrets.mask(this.serverKey) + "]";
	}

}
