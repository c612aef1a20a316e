package ai.mezon.light;

/**
 * A host URL the client was handed is unusable: an {@code api_url} or {@code ws_url} from a
 * stored or configured session, a gateway answer or a refresh answer that is not
 * {@code http}/{@code https}/{@code ws}/{@code wss} with a host and a port in 1..65535 (or, for
 * {@code ws_url}, a bare host name). The message names the URL (without user info or query, where
 * credentials could hide) and never a token.
 */
public class MezonInvalidUrlException extends MezonException {

	private final String field;

	private final String url;

	/**
	 * @param field which URL, e.g. {@code api_url} or {@code ws_url}
	 * @param url the URL as safe to show (no user info, no query)
	 * @param reason what is wrong with it
	 */
	public MezonInvalidUrlException(String field, String url, String reason) {
		super("Invalid " + field + " '" + url + "': " + reason);
		this.field = field;
		this.url = url;
	}

	/** @return which URL was invalid, e.g. {@code api_url} or {@code ws_url} */
	public String getField() {
		return this.field;
	}

	/** @return the invalid URL, without user info or query */
	public String getUrl() {
		return this.url;
	}

}
