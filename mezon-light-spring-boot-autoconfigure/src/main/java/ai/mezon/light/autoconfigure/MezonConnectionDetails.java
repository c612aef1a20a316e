package ai.mezon.light.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

import ai.mezon.light.AuthenticateConfig;
import ai.mezon.light.session.SessionData;

/**
 * Details required to reach a Mezon server and sign in: the gateway and server key, and either id
 * token credentials or an exported session. Defaults to {@code mezon.*} properties; a bean of this
 * type (for example from test support, as {@code @ServiceConnection} does) replaces them.
 *
 * <p>Implementations must not expose tokens in {@code toString()}.
 */
public interface MezonConnectionDetails extends ConnectionDetails {

	/**
	 * The gateway the id token is exchanged at.
	 * @return the gateway URL
	 */
	default String getGatewayUrl() {
		return AuthenticateConfig.DEFAULT_GATEWAY_URL;
	}

	/**
	 * The server key sent as the HTTP Basic user name.
	 * @return the server key
	 */
	default String getServerKey() {
		return AuthenticateConfig.DEFAULT_SERVER_KEY;
	}

	/**
	 * The id token to authenticate with.
	 * @return the id token, or {@code null} when authentication is not possible
	 */
	default @Nullable String getIdToken() {
		return null;
	}

	/**
	 * The user the id token belongs to.
	 * @return the user id (decimal), or {@code null}
	 */
	default @Nullable String getUserId() {
		return null;
	}

	/**
	 * The user name the id token belongs to.
	 * @return the user name, or {@code null}
	 */
	default @Nullable String getUsername() {
		return null;
	}

	/**
	 * An exported session to resume instead of authenticating. Fields may be missing, in which
	 * case start-up fails naming them; a missing user id is taken from the token.
	 * @return the session, or {@code null} when none is configured
	 */
	default @Nullable SessionData getSession() {
		return null;
	}

}
