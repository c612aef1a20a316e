package ai.mezon.light.internal.net;

import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import ai.mezon.light.MezonException;
import ai.mezon.light.MezonInsecureTransportException;

/**
 * Derives REST base URLs and the socket URL from the hosts a server hands out (PROTOCOL.md §1),
 * and enforces that tokens only travel in clear text to loopback hosts unless explicitly allowed.
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
		URI uri = parse(url);
		String scheme = lower(uri.getScheme());
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw new MezonException("Unsupported REST URL scheme '" + scheme + "' in " + url);
		}
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
		if (wsUrl == null || wsUrl.isBlank()) {
			URI api = parse(apiUrl);
			scheme = lower(api.getScheme()).equals("http") ? "ws" : "wss";
			authority = authority(api);
			host = api.getHost();
		}
		else if (wsUrl.contains("://")) {
			URI ws = parse(wsUrl);
			scheme = switch (lower(ws.getScheme())) {
				case "ws", "http" -> "ws";
				case "wss", "https" -> "wss";
				default -> throw new MezonException("Unsupported socket URL scheme in " + wsUrl);
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

	private static URI parse(String url) {
		try {
			URI uri = URI.create(url.trim());
			if (uri.getScheme() == null || uri.getHost() == null) {
				throw new IllegalArgumentException("no scheme or host");
			}
			return uri;
		}
		catch (IllegalArgumentException ex) {
			throw new MezonException("Invalid URL '" + url + "': " + ex.getMessage());
		}
	}

	private static String authority(URI uri) {
		String host = uri.getHost();
		return (uri.getPort() != -1) ? host + ":" + uri.getPort() : host;
	}

	private static String lower(@Nullable String value) {
		return (value != null) ? value.toLowerCase(Locale.ROOT) : "";
	}

}
