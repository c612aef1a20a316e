package ai.mezon.light.test.internal;

import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import ai.mezon.light.test.TestUser;

/**
 * Issues and verifies the server's HS256 JWTs. Access and refresh tokens carry a {@code typ}
 * claim so neither is accepted in place of the other; refresh tokens are single-use (their
 * {@code jti} is remembered once spent). {@link #revokeAllIssuedBefore(Instant)} implements the
 * "expire all tokens" fault.
 */
public final class TokenService {

	/** Claim that tells access tokens from refresh tokens. */
	static final String TYPE_CLAIM = "typ";

	private final Clock clock;

	private final MACSigner signer;

	private final MACVerifier verifier;

	private final Set<String> spentRefreshIds = ConcurrentHashMap.newKeySet();

	private volatile Duration tokenLifetime;

	private volatile Duration refreshLifetime;

	private volatile Instant revokedBefore = Instant.MIN;

	public TokenService(Clock clock, Duration tokenLifetime, Duration refreshLifetime) {
		this.clock = clock;
		this.tokenLifetime = tokenLifetime;
		this.refreshLifetime = refreshLifetime;
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		try {
			this.signer = new MACSigner(secret);
			this.verifier = new MACVerifier(secret);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** @param lifetime the lifetime of access tokens issued from now on */
	public void setTokenLifetime(Duration lifetime) {
		this.tokenLifetime = lifetime;
	}

	/** @param lifetime the lifetime of refresh tokens issued from now on */
	public void setRefreshLifetime(Duration lifetime) {
		this.refreshLifetime = lifetime;
	}

	/** Makes every token issued before the instant invalid (access and refresh). */
	public void revokeAllIssuedBefore(Instant instant) {
		this.revokedBefore = instant;
	}

	/**
	 * Issues an access token and a refresh token for a user.
	 * @param user the user
	 * @param vars the {@code vrs} claim
	 * @return the pair
	 */
	public TokenPair issue(TestUser user, Map<String, String> vars) {
		return new TokenPair(sign(user, vars, Kind.ACCESS, this.tokenLifetime),
				sign(user, vars, Kind.REFRESH, this.refreshLifetime));
	}

	private String sign(TestUser user, Map<String, String> vars, Kind kind, Duration lifetime) {
		Instant now = this.clock.instant();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().claim("uid", user.id())
			.claim("usn", user.username())
			.claim("vrs", vars)
			.claim(TYPE_CLAIM, kind.claim)
			.jwtID(UUID.randomUUID().toString())
			// Milliseconds keep tokens issued within one second distinguishable for revocation.
			.claim("iat_ms", now.toEpochMilli())
			.expirationTime(Date.from(now.plus(lifetime)))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
		try {
			jwt.sign(this.signer);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	/**
	 * Verifies an access token (signature, type, expiry, revocation).
	 * @param token the bearer token
	 * @return its claims
	 * @throws InvalidTokenException with a reason safe to show
	 */
	public VerifiedToken verifyAccess(String token) {
		return verify(token, Kind.ACCESS);
	}

	/**
	 * Verifies a refresh token and spends it: the same refresh token is refused the next time.
	 * @param token the refresh token
	 * @return its claims
	 * @throws InvalidTokenException with a reason safe to show
	 */
	public VerifiedToken spendRefresh(String token) {
		VerifiedToken verified = verify(token, Kind.REFRESH);
		if (!this.spentRefreshIds.add(verified.tokenId())) {
			throw new InvalidTokenException("refresh token already used");
		}
		return verified;
	}

	private VerifiedToken verify(String token, Kind expected) {
		SignedJWT jwt;
		JWTClaimsSet claims;
		try {
			jwt = SignedJWT.parse(token);
			if (!jwt.verify(this.verifier)) {
				throw new InvalidTokenException("bad signature");
			}
			claims = jwt.getJWTClaimsSet();
		}
		catch (ParseException | JOSEException | IllegalStateException ex) {
			throw new InvalidTokenException("malformed token");
		}
		if (!expected.claim.equals(claims.getClaim(TYPE_CLAIM))) {
			throw new InvalidTokenException("wrong token type");
		}
		Date exp = claims.getExpirationTime();
		Instant now = this.clock.instant();
		if (exp == null || !exp.toInstant().isAfter(now)) {
			throw new InvalidTokenException("token expired");
		}
		Object issuedMs = claims.getClaim("iat_ms");
		if (issuedMs instanceof Number n && Instant.ofEpochMilli(n.longValue()).isBefore(this.revokedBefore)) {
			throw new InvalidTokenException("token revoked");
		}
		Object uid = claims.getClaim("uid");
		if (!(uid instanceof Number userId)) {
			throw new InvalidTokenException("token has no uid");
		}
		@SuppressWarnings("unchecked")
		Map<String, String> vars = (claims.getClaim("vrs") instanceof Map<?, ?> map) ? (Map<String, String>) map
				: Map.of();
		return new VerifiedToken(userId.longValue(), String.valueOf(claims.getClaim("usn")), vars, claims.getJWTID(),
				exp.toInstant());
	}

	private enum Kind {

		ACCESS("access"), REFRESH("refresh");

		private final String claim;

		Kind(String claim) {
			this.claim = claim;
		}

	}

	/**
	 * A freshly issued pair.
	 * @param token the access token
	 * @param refreshToken the refresh token
	 */
	public record TokenPair(String token, String refreshToken) {

		@Override
		public String toString() {
			return "TokenPair[****]";
		}

	}

	/**
	 * What a valid token says.
	 * @param userId the {@code uid}
	 * @param username the {@code usn}
	 * @param vars the {@code vrs}
	 * @param tokenId the {@code jti}
	 * @param expiresAt the {@code exp}
	 */
	public record VerifiedToken(long userId, String username, Map<String, String> vars, String tokenId,
			Instant expiresAt) {
	}

	/** A token was refused; the message says why and never contains the token. */
	public static final class InvalidTokenException extends RuntimeException {

		public InvalidTokenException(String reason) {
			super(reason);
		}

	}

}
