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

	/** The latest {@code exp} accepted: 9999-12-31T23:59:59Z, in seconds since the epoch. */
	static final BigDecimal MAX_EXPIRY = BigDecimal.valueOf(253402300799L);

	/**
	 * Decodes the payload of a three-part JWT.
	 * @param token the JWT
	 * @param what what the token is ("token", "refresh token"), for the error message
	 * @return the claims
	 * @throws MezonSessionException if the token is not three parts, or its payload is not JSON
	 * with a numeric {@code exp} that is a whole number of seconds from 1970 to the year 9999; the message never contains the token
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
		return new JwtClaims(expiry(Objects.requireNonNull(exp.text()), what), optionalText(payload.get("uid")),
				optionalText(payload.get("usn")), Map.copyOf(vars));
	}

	/**
	 * The {@code exp} claim as an instant. Only whole seconds from 0 to {@link #MAX_EXPIRY} are
	 * accepted: a claim beyond {@link Instant}'s range (e.g. {@code 1e18}) would otherwise throw a
	 * raw {@code DateTimeException}, and one beyond a {@code long} would silently wrap around.
	 */
	private static Instant expiry(String text, String what) {
		BigDecimal seconds = new BigDecimal(text);
		// Range first: it compares exponents, so a claim like 1e999999999 costs nothing.
		if (seconds.signum() < 0 || seconds.compareTo(MAX_EXPIRY) > 0) {
			throw new MezonSessionException("Invalid " + what + ": exp claim out of range (0 to " + MAX_EXPIRY
					+ " seconds since the epoch)");
		}
		if (seconds.signum() != 0 && seconds.stripTrailingZeros().scale() > 0) {
			throw new MezonSessionException("Invalid " + what + ": exp claim is not a whole number of seconds");
		}
		return Instant.ofEpochSecond(seconds.longValueExact());
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
