package ai.mezon.light.test.internal.rest;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * S3-style presigned URLs for uploads: {@code PATH?X-Amz-Date=...&X-Amz-Expires=...&X-Amz-Signature=...},
 * the signature being an HMAC-SHA256 over the method, path, date and lifetime with a secret of
 * this server. A URL is valid for {@code PUT} on that path until date + lifetime.
 */
public final class PresignedUrls {

	static final String DATE = "X-Amz-Date";

	static final String EXPIRES = "X-Amz-Expires";

	static final String SIGNATURE = "X-Amz-Signature";

	private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private final byte[] secret = new byte[32];

	private final Clock clock;

	private final Duration lifetime;

	public PresignedUrls(Clock clock, Duration lifetime) {
		this.clock = clock;
		this.lifetime = lifetime;
		new SecureRandom().nextBytes(this.secret);
	}

	/**
	 * @param path the raw (encoded) path the upload will be stored under
	 * @return the query string (without {@code ?}) that authorises a {@code PUT} to the path
	 */
	public String presign(String path) {
		String date = AMZ_DATE.format(this.clock.instant());
		String expires = Long.toString(this.lifetime.toSeconds());
		return DATE + "=" + date + "&" + EXPIRES + "=" + expires + "&" + SIGNATURE + "="
				+ sign("PUT", path, date, expires);
	}

	/**
	 * Checks a presigned request.
	 * @param method the request's method
	 * @param path the request's raw path
	 * @param query the request's query parameters
	 * @throws HttpError 403 when the signature is missing, wrong or expired
	 */
	public void verify(String method, String path, Map<String, String[]> query) {
		String date = single(query, DATE);
		String expires = single(query, EXPIRES);
		String signature = single(query, SIGNATURE);
		if (date == null || expires == null || signature == null) {
			throw new HttpError(403, "missing presigned query parameters");
		}
		byte[] expected = sign(method, path, date, expires).getBytes(StandardCharsets.US_ASCII);
		if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
			throw new HttpError(403, "signature does not match");
		}
		Instant signedAt;
		long seconds;
		try {
			signedAt = Instant.from(AMZ_DATE.parse(date));
			seconds = Long.parseLong(expires);
		}
		catch (DateTimeParseException | NumberFormatException ex) {
			throw new HttpError(403, "malformed presigned query parameters");
		}
		if (!signedAt.plusSeconds(seconds).isAfter(this.clock.instant())) {
			throw new HttpError(403, "presigned URL expired");
		}
	}

	private String sign(String method, String path, String date, String expires) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.secret, "HmacSHA256"));
			String canonical = method + "\n" + path + "\n" + date + "\n" + expires;
			return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 unavailable", ex);
		}
	}

	private static @Nullable String single(Map<String, String[]> query, String name) {
		String[] values = query.get(name);
		return (values != null && values.length == 1) ? values[0] : null;
	}

}
