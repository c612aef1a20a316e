package ai.mezon.light;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Builds unsigned three-part JWTs for tests (the client never verifies signatures).
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

}
