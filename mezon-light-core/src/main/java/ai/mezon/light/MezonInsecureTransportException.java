package ai.mezon.light;

/**
 * Refused to send credentials in clear text: a gateway, API or socket URL uses {@code http} or
 * {@code ws} to a host that is not loopback, and insecure transport is not allowed
 * ({@link LightClientOptions.Builder#allowInsecureTransport(boolean)}; in Spring Boot
 * {@code mezon.allow-insecure-transport}). Nothing was sent.
 */
public class MezonInsecureTransportException extends MezonException {

	private final String url;

	/**
	 * @param url the refused URL (scheme, host and port; never a token)
	 */
	public MezonInsecureTransportException(String url) {
		super("Refusing to send credentials in clear text to " + url
				+ ": use https/wss, or allow insecure transport explicitly");
		this.url = url;
	}

	/** @return the refused URL (scheme, host and port) */
	public String getUrl() {
		return this.url;
	}

}
