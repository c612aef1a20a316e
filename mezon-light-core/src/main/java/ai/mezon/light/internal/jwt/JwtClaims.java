package ai.mezon.light.internal.jwt;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

import ai.mezon.light.MezonSessionException;
import ai.mezon.light.internal.json.FlatJson;
import ai.mezon.light.internal.json.FlatJson.Member;

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
		Map<String, Member> payload;
		try {
			// The URL decoder accepts both padded and unpadded input; the parser reads the bytes as
			// UTF-8, which keeps non-ASCII usernames intact (the JS SDK's atob() mangles them).
			// Streaming, not data binding: every session is parsed while the application starts.
			payload = FlatJson.readObject(Base64.getUrlDecoder().decode(parts[1]));
		}
		catch (IllegalArgumentException | JacksonException ex) {
			throw new MezonSessionException("Invalid " + what + ": payload is not base64url-encoded JSON");
		}
		if (payload == null) {
			throw new MezonSessionException("Invalid " + what + ": payload is not a JSON object");
		}
		Member exp = payload.get("exp");
		if (exp == null || !exp.isNumber()) {
			throw new MezonSessionException("Invalid " + what + ": missing numeric exp claim");
		}
		Map<String, String> vars = new LinkedHashMap<>();
		Member vrs = payload.get("vrs");
		if (vrs != null && vrs.isObject()) {
			Map<String, Member> members = FlatJson.readObject(Objects.requireNonNull(vrs.text()));
			if (members != null) {
				members.forEach((name, value) -> vars.put(name, text(value)));
			}
		}
		return new JwtClaims(Instant.ofEpochSecond(new BigDecimal(Objects.requireNonNull(exp.text())).longValue()),
				optionalText(payload.get("uid")), optionalText(payload.get("usn")), Map.copyOf(vars));
	}

	private static @Nullable String optionalText(@Nullable Member member) {
		return (member == null || member.text() == null) ? null : member.text();
	}

	private static String text(Member member) {
		// Numbers keep every digit as written (a 64-bit uid never goes through a double); objects
		// and arrays come as their JSON; null as an empty string.
		return (member.text() != null) ? member.text() : "";
	}

}
