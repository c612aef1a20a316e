package ai.mezon.light;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Builds unsigned three-part JWTs for tests (the client never verifies signatures): the one JWT
 * builder of every module's tests (shared through core's test-jar).
 */
public final class TestJwts {

	private TestJwts() {
	}

	/**
	 * @param payloadJson the payload JSON
	 * @return {@code header.payload.signature}, base64url without padding
	 */
	public static String jwt(String payloadJson) {
		Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
		return encoder.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
				+ encoder.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
	}

	/**
	 * @param userId the {@code uid}
	 * @param expiresAt the {@code exp}
	 * @return a token
	 */
	public static String token(long userId, Instant expiresAt) {
		return jwt("{\"uid\":" + userId + ",\"usn\":\"alice\",\"vrs\":{\"k\":\"v\"},\"exp\":"
				+ expiresAt.getEpochSecond() + "}");
	}

	/**
	 * A token unique on every call (a random {@code jti}), e.g. so two sessions of one user
	 * differ.
	 * @param userId the {@code uid} (decimal)
	 * @param username the {@code usn}
	 * @param expiresAt the {@code exp}
	 * @return a token
	 */
	public static String token(String userId, String username, Instant expiresAt) {
		return jwt("{\"exp\":" + expiresAt.getEpochSecond() + ",\"uid\":" + userId + ",\"usn\":\"" + username
				+ "\",\"jti\":\"" + UUID.randomUUID() + "\"}");
	}

}
