package ai.mezon.light;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Masks secrets before anything reaches a log, an exception or a {@code toString()}.
 */
public final class Secrets {

	private static final Pattern TOKEN_QUERY = Pattern.compile("([?&]token=)[^&#]*");

	private Secrets() {
	}

	/**
	 * Masks a token completely, keeping only whether it is present.
	 * @param secret the secret
	 * @return {@code "****"} for a present secret, {@code "<none>"} otherwise
	 */
	public static String mask(@Nullable String secret) {
		return (secret == null || secret.isEmpty()) ? "<none>" : "****";
	}

	/**
	 * Masks the {@code token} query parameter of a URL, such as the socket URL.
	 * @param url the URL
	 * @return the URL with its token replaced by {@code ****}
	 */
	public static String maskUrl(String url) {
		return TOKEN_QUERY.matcher(url).replaceAll("$1****");
	}

}
