package ai.mezon.light.session;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import ai.mezon.light.Secrets;

/**
 * The exportable form of a session, interchangeable with the TypeScript SDK's
 * {@code exportSession()}: its JSON form uses the keys {@code token, refresh_token, api_url,
 * ws_url, user_id}. {@code ws_url} may be absent (older exports and servers); the socket host is
 * then derived from {@code api_url}.
 *
 * <p>{@link #toString()} masks both tokens; the record's own accessors return them in full, so
 * never log the accessors' results.
 *
 * @param token the access token (JWT)
 * @param refreshToken the refresh token (JWT)
 * @param apiUrl the REST host
 * @param wsUrl the socket host, or {@code null} to derive it from {@code apiUrl}
 * @param userId the user id as a decimal string
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SessionData(@JsonProperty("token") String token, @JsonProperty("refresh_token") String refreshToken,
		@JsonProperty("api_url") String apiUrl, @JsonProperty("ws_url") @Nullable String wsUrl,
		@JsonProperty("user_id") String userId) {

	@Override
	public String toString() {
		return "SessionData[token=" + Secrets.mask(this.token) + ", refreshToken=" + Secrets.mask(this.refreshToken)
				+ ", apiUrl=" + this.apiUrl + ", wsUrl=" + this.wsUrl + ", userId=" + this.userId + "]";
	}

}
