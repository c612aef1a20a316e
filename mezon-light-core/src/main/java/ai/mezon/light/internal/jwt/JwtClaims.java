package ai.mezon.light.internal.jwt;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ai.mezon.light.MezonSessionException;

/**
 * The claims of a Mezon JWT that the client reads (PROTOCOL.md §3). Signatures are not verified:
 * the client only needs expiry and identity, the server checks the signature.
 *
 * @param expiresAt the {@code exp} claim
 * @param userId the {@code uid} claim as a decimal string, or {@code null}
 * @param username the {@code usn} claim, or {@code null}
 * @param vars the {@code vrs} claim (string values), empty when absent
 */
public record JwtClaims(Instant expiresAt, @Nullable String userId, @Nullable String username,
		Map<String, String> vars) {

	private static final JsonMapper JSON = JsonMapper.shared();

	/**
	 * Decodes the payload of a three-part JWT.
	 * @param token the JWT
	 * @param what what the token is ("token", "refresh token"), for the error message
	 * @return the claims
	 * @throws MezonSessionException if the token is not three parts, or its payload is not JSON
	 * with a numeric {@code exp}; the message never contains the token
	 */
	public static JwtClaims parse(String token, String what) {
		String[] parts = token.split("\\.", -1);
		if (parts.length != 3) {
			throw new MezonSessionException("Invalid " + what + ": expected 3 dot-separated parts, found "
					+ parts.length);
		}
		JsonNode payload;
		try {
			// The URL decoder accepts both padded and unpadded input; decoding to UTF-8 keeps
			// non-ASCII usernames intact (the JS SDK's atob() mangles them).
			byte[] json = Base64.getUrlDecoder().decode(parts[1]);
			payload = JSON.readTree(new String(json, StandardCharsets.UTF_8));
		}
		catch (IllegalArgumentException | JacksonException ex) {
			throw new MezonSessionException("Invalid " + what + ": payload is not base64url-encoded JSON");
		}
		if (payload == null || !payload.isObject()) {
			throw new MezonSessionException("Invalid " + what + ": payload is not a JSON object");
		}
		JsonNode exp = payload.get("exp");
		if (exp == null || !exp.isNumber()) {
			throw new MezonSessionException("Invalid " + what + ": missing numeric exp claim");
		}
		Map<String, String> vars = new LinkedHashMap<>();
		JsonNode vrs = payload.get("vrs");
		if (vrs != null && vrs.isObject()) {
			vrs.properties().forEach((entry) -> vars.put(entry.getKey(), text(entry.getValue())));
		}
		return new JwtClaims(Instant.ofEpochSecond(exp.asLong()), optionalText(payload.get("uid")),
				optionalText(payload.get("usn")), Map.copyOf(vars));
	}

	private static @Nullable String optionalText(@Nullable JsonNode node) {
		return (node == null || node.isNull()) ? null : text(node);
	}

	private static String text(JsonNode node) {
		// uid is a 64-bit number in JSON; asText keeps all its digits (no double rounding).
		return node.isValueNode() ? node.asString() : node.toString();
	}

}
