package ai.mezon.light.autoconfigure;

import org.jspecify.annotations.Nullable;

import ai.mezon.light.Secrets;
import ai.mezon.light.session.SessionData;

/**
 * {@link MezonConnectionDetails} from {@link MezonProperties}: the default when no other
 * {@code MezonConnectionDetails} bean is defined.
 */
public final class PropertiesMezonConnectionDetails implements MezonConnectionDetails {

	private final MezonProperties properties;

	/**
	 * @param properties the bound {@code mezon.*} properties
	 */
	public PropertiesMezonConnectionDetails(MezonProperties properties) {
		this.properties = properties;
	}

	@Override
	public String getGatewayUrl() {
		return this.properties.getGatewayUrl();
	}

	@Override
	public String getServerKey() {
		return this.properties.getServerKey();
	}

	@Override
	public @Nullable String getIdToken() {
		return this.properties.getIdToken();
	}

	@Override
	public @Nullable String getUserId() {
		return this.properties.getUserId();
	}

	@Override
	public @Nullable String getUsername() {
		return this.properties.getUsername();
	}

	/**
	 * The {@code mezon.session.*} session, or {@code null} when none of its token, refresh token
	 * and api URL is set. Missing parts are returned empty, for the bootstrap to name them.
	 */
	@Override
	public @Nullable SessionData getSession() {
		MezonProperties.Session session = this.properties.getSession();
		if (!hasText(session.getToken()) && !hasText(session.getRefreshToken()) && !hasText(session.getApiUrl())) {
			return null;
		}
		return new SessionData(orEmpty(session.getToken()), orEmpty(session.getRefreshToken()),
				orEmpty(session.getApiUrl()), session.getWsUrl(), orEmpty(session.getUserId()));
	}

	private static boolean hasText(@Nullable String value) {
		return value != null && !value.isBlank();
	}

	private static String orEmpty(@Nullable String value) {
		return (value != null) ? value.trim() : "";
	}

	@Override
	public String toString() {
		return "PropertiesMezonConnectionDetails[gatewayUrl=" + getGatewayUrl() + ", idToken="
				+ Secrets.mask(getIdToken()) + ", userId=" + getUserId() + ", session="
				+ this.properties.getSession() + "]";
	}

}
