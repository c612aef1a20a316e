package ai.mezon.light.internal.net;

import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import ai.mezon.light.MezonInsecureTransportException;
import ai.mezon.light.MezonInvalidUrlException;
import ai.mezon.light.Secrets;

/**
 * Derives REST base URLs and the socket URL from the hosts a server hands out (PROTOCOL.md §1),
 * validates those hosts, and enforces that tokens only travel in clear text to loopback hosts
 * unless explicitly allowed.
 *
 * <p>Validation ({@link #validateApiUrl}, {@link #validateWsUrl}) applies to every host URL the
 * client is handed, from a store, a configuration, a gateway or a refresh answer: {@code api_url}
 * must be {@code http}/{@code https} with a host; {@code ws_url} a bare host name, or
 * {@code ws}/{@code wss}/{@code http}/{@code https} with a host; explicit ports must be in
 * 1..65535. A bad one fails with {@link MezonInvalidUrlException}, naming the URL without user
 * info or query.
 */
public final class Endpoints {

	private Endpoints() {
	}

	/**
	 * The base of a REST host: {@code scheme://host:port}, any path dropped.
	 * @param url a URL such as {@code https://api.mezon.ai/some/path}
	 * @param allowInsecure whether plain {@code http} is allowed to non-loopback hosts
	 * @return the base URL without trailing slash
	 */
	public static URI restBase(String url, boolean allowInsecure) {
		URI uri = validateApiUrl("REST URL", url);
		String scheme = lower(uri.getScheme());
		checkTransport(scheme.equals("http"), uri.getHost(), allowInsecure, url);
		return URI.create(scheme + "://" + authority(uri));
	}

	/**
	 * The socket URL: {@code wss://{ws_url}:443/ws?lang=en&status=true&token=...&format=protobuf&platform=0}.
	 * {@code wsUrl} may be a bare host (real servers), a full {@code ws(s)://} or {@code http(s)://}
	 * URL (test and self-hosted servers), or {@code null} to derive it from {@code apiUrl}.
	 * @param wsUrl the socket host from the session, or {@code null}
	 * @param apiUrl the REST host
	 * @param token the access token to put in the query
	 * @param allowInsecure whether plain {@code ws} is allowed to non-loopback hosts
	 * @return the socket URL; log it only through {@code Secrets.maskUrl}
	 */
	public static URI socketUri(@Nullable String wsUrl, String apiUrl, String token, boolean allowInsecure) {
		String scheme;
		String authority;
		String host;
		validateWsUrl(wsUrl);
		if (wsUrl == null || wsUrl.isBlank()) {
			URI api = validateApiUrl("api_url", apiUrl);
			scheme = lower(api.getScheme()).equals("http") ? "ws" : "wss";
			authority = authority(api);
			host = api.getHost();
		}
		else if (wsUrl.contains("://")) {
			URI ws = parse("ws_url", wsUrl);
			scheme = switch (lower(ws.getScheme())) {
				case "ws", "http" -> "ws";
				default -> "wss";
			};
			authority = authority(ws);
			host = ws.getHost();
		}
		else {
			// A bare host name, as real servers send it: always TLS on 443.
			scheme = "wss";
			host = wsUrl.trim();
			authority = host + ":443";
		}
		checkTransport(scheme.equals("ws"), host, allowInsecure, scheme + "://" + authority);
		return URI.create(scheme + "://" + authority + "/ws?lang=en&status=true&token="
				+ URLEncoder.encode(token, StandardCharsets.UTF_8) + "&format=protobuf&platform=0");
	}

	/**
	 * Checks a REST host URL ({@code api_url}, a gateway URL): {@code http} or {@code https}, a
	 * host, and a port in 1..65535 when one is given. Any path is allowed (it is dropped).
	 * @param field what the URL is, for the message, e.g. {@code api_url}
	 * @param url the URL
	 * @return the parsed URL
	 * @throws MezonInvalidUrlException if it is not such a URL
	 */
	public static URI validateApiUrl(String field, @Nullable String url) {
		if (url == null || url.isBlank()) {
			throw new MezonInvalidUrlException(field, "", "missing");
		}
		URI uri = parse(field, url);
		String scheme = lower(uri.getScheme());
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw new MezonInvalidUrlException(field, safe(url), "scheme must be http or https");
		}
		return uri;
	}

	/**
	 * Checks a socket host ({@code ws_url}): absent (derived from {@code api_url}), a bare host
	 * name as real servers send it, or a {@code ws}/{@code wss}/{@code http}/{@code https} URL with a
	 * host and a port in 1..65535 when one is given.
	 * @param wsUrl the socket host, or {@code null}
	 * @throws MezonInvalidUrlException if it is none of those
	 */
	public static void validateWsUrl(@Nullable String wsUrl) {
		if (wsUrl == null || wsUrl.isBlank()) {
			return;
		}
		if (wsUrl.contains("://")) {
			URI ws = parse("ws_url", wsUrl);
			String scheme = lower(ws.getScheme());
			if (!scheme.equals("ws") && !scheme.equals("wss") && !scheme.equals("http") && !scheme.equals("https")) {
				throw new MezonInvalidUrlException("ws_url", safe(wsUrl), "scheme must be ws, wss, http or https");
			}
			return;
		}
		if (!HOST_NAME.matcher(wsUrl.trim()).matches()) {
			throw new MezonInvalidUrlException("ws_url", safe(wsUrl),
					"neither a host name nor a ws, wss, http or https URL");
		}
	}

	/** A DNS name or IPv4 literal: labels of letters, digits and inner hyphens, dot-separated. */
	private static final java.util.regex.Pattern HOST_NAME = java.util.regex.Pattern
		.compile("(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\\.?");

	/**
	 * A URL as safe to show in a message or a log line: user info and query (where credentials
	 * could be) replaced, at most 200 characters.
	 * @param url the URL
	 * @return the URL to show
	 */
	public static String safe(String url) {
		String shown = url.trim();
		int query = shown.indexOf('?');
		if (query >= 0) {
			shown = shown.substring(0, query) + "?...";
		}
		int scheme = shown.indexOf("://");
		int at = shown.indexOf('@');
		int slash = shown.indexOf('/', (scheme >= 0) ? scheme + 3 : 0);
		if (scheme >= 0 && at > scheme && (slash < 0 || at < slash)) {
			shown = shown.substring(0, scheme + 3) + "***@" + shown.substring(at + 1);
		}
		return (shown.length() <= 200) ? shown : shown.substring(0, 200) + "...";
	}

	/**
	 * Whether a host name is a loopback address ({@code localhost}, 127.0.0.0/8, {@code ::1}).
	 * Only literal addresses and {@code localhost} are recognised: no DNS lookup is made.
	 * @param host the host
	 * @return {@code true} for a loopback host
	 */
	public static boolean isLoopback(@Nullable String host) {
		if (host == null) {
			return false;
		}
		String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
		if (h.equalsIgnoreCase("localhost")) {
			return true;
		}
		if (!h.matches("[0-9.]+") && !h.contains(":")) {
			return false;
		}
		try {
			return InetAddress.getByName(h).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	private static void checkTransport(boolean plain, @Nullable String host, boolean allowInsecure, String url) {
		if (plain && !allowInsecure && !isLoopback(host)) {
			throw new MezonInsecureTransportException(url);
		}
	}

	private static URI parse(String field, String url) {
		URI uri;
		try {
			uri = new URI(url.trim());
		}
		catch (java.net.URISyntaxException ex) {
			// Not ex.getMessage(): it quotes the whole input, query included.
			throw new MezonInvalidUrlException(field, safe(url), "not a URL (" + ex.getReason() + ")");
		}
		if (uri.getScheme() == null) {
			throw new MezonInvalidUrlException(field, safe(url), "no scheme");
		}
		if (uri.getHost() == null) {
			// A port beyond int range, or characters no host name has, leave the authority unparsed.
			throw new MezonInvalidUrlException(field, safe(url), "no valid host and port");
		}
		if (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > 65535)) {
			throw new MezonInvalidUrlException(field, safe(url), "port " + uri.getPort() + " is not in 1..65535");
		}
		return uri;
	}

	private static String authority(URI uri) {
		String host = uri.getHost();
		return (uri.getPort() != -1) ? host + ":" + uri.getPort() : host;
	}

	private static String lower(@Nullable String value) {
		return (value != null) ? value.toLowerCase(Locale.ROOT) : "";
	}

}
