package ai.mezon.light.internal.net;

import java.net.URI;

import org.junit.jupiter.api.Test;

import ai.mezon.light.MezonException;
import ai.mezon.light.MezonInsecureTransportException;
import ai.mezon.light.MezonInvalidUrlException;
import ai.mezon.light.Secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EndpointsTests {

	private static final String TOKEN = "a.b+c/d=";

	private static final String QUERY = "/ws?lang=en&status=true&token=a.b%2Bc%2Fd%3D&format=protobuf&platform=0";

	@Test
	void restBaseDropsPath() {
		assertThat(Endpoints.restBase("https://api.mezon.ai/some/path?x=1", false))
			.isEqualTo(URI.create("https://api.mezon.ai"));
		assertThat(Endpoints.restBase("HTTPS://api.mezon.ai:8443/", false))
			.isEqualTo(URI.create("https://api.mezon.ai:8443"));
	}

	@Test
	void restBaseRefusesOtherSchemesAndGarbage() {
		assertThatExceptionOfType(MezonException.class).isThrownBy(() -> Endpoints.restBase("ftp://x.example", false));
		assertThatExceptionOfType(MezonException.class).isThrownBy(() -> Endpoints.restBase("not a url", false));
	}

	@Test
	void socketUriFromBareHostUsesWss443() {
		assertThat(Endpoints.socketUri("sock.mezon.ai", "https://api.mezon.ai", TOKEN, false))
			.hasToString("wss://sock.mezon.ai:443" + QUERY);
	}

	@Test
	void socketUriFromFullUrls() {
		assertThat(Endpoints.socketUri("ws://127.0.0.1:7350", "http://127.0.0.1:7350", TOKEN, false))
			.hasToString("ws://127.0.0.1:7350" + QUERY);
		assertThat(Endpoints.socketUri("https://sock.example:9443/ignored", "https://api.example", TOKEN, false))
			.hasToString("wss://sock.example:9443" + QUERY);
		assertThat(Endpoints.socketUri("http://localhost:8080", "http://localhost:8080", TOKEN, false))
			.hasToString("ws://localhost:8080" + QUERY);
	}

	@Test
	void socketUriDerivedFromApiUrlWhenWsUrlMissing() {
		assertThat(Endpoints.socketUri(null, "https://api.example:8443/x", TOKEN, false))
			.hasToString("wss://api.example:8443" + QUERY);
		assertThat(Endpoints.socketUri(" ", "http://127.0.0.1:9000", TOKEN, false))
			.hasToString("ws://127.0.0.1:9000" + QUERY);
	}

	@Test
	void clearTextRefusedToNonLoopbackUnlessAllowed() {
		assertThatExceptionOfType(MezonInsecureTransportException.class)
			.isThrownBy(() -> Endpoints.restBase("http://api.example", false))
			.withMessageContaining("clear text")
			.satisfies((ex) -> assertThat(ex.getUrl()).isEqualTo("http://api.example"));
		assertThatExceptionOfType(MezonInsecureTransportException.class)
			.isThrownBy(() -> Endpoints.socketUri("ws://sock.example", "https://api.example", TOKEN, false))
			.withMessageNotContaining(TOKEN)
			.withMessageNotContaining("a.b%2Bc");
		assertThat(Endpoints.restBase("http://api.example", true)).hasToString("http://api.example");
		assertThat(Endpoints.socketUri("ws://sock.example", "https://api.example", TOKEN, true))
			.hasToString("ws://sock.example" + QUERY);
		assertThat(Endpoints.restBase("http://[::1]:8080", false)).hasToString("http://[::1]:8080");
	}

	@Test
	void loopbackDetection() {
		assertThat(Endpoints.isLoopback("localhost")).isTrue();
		assertThat(Endpoints.isLoopback("127.0.0.1")).isTrue();
		assertThat(Endpoints.isLoopback("127.8.9.10")).isTrue();
		assertThat(Endpoints.isLoopback("[::1]")).isTrue();
		assertThat(Endpoints.isLoopback("10.0.0.1")).isFalse();
		assertThat(Endpoints.isLoopback("localhost.evil.example")).isFalse();
		assertThat(Endpoints.isLoopback(null)).isFalse();
	}

	@Test
	void socketUrlMaskedForLogs() {
		String url = Endpoints.socketUri("sock.mezon.ai", "https://api.mezon.ai", TOKEN, false).toString();
		String masked = Secrets.maskUrl(url);
		assertThat(masked).doesNotContain("a.b%2Bc").contains("token=****").endsWith("&format=protobuf&platform=0");
	}

	@Test
	void validHostUrlsPass() {
		for (String api : new String[] { "https://api.mezon.ai", "http://127.0.0.1:1", "https://h.example:65535/p?q=1",
				"HTTPS://API.example" }) {
			assertThat(Endpoints.validateApiUrl("api_url", api)).as(api).isNotNull();
		}
		for (String ws : new String[] { "sock.mezon.ai", "ws://127.0.0.1:8080", "wss://h.example", "https://h.example:443",
				"http://localhost:1", "10.0.0.1" }) {
			Endpoints.validateWsUrl(ws);
		}
		Endpoints.validateWsUrl(null);
		Endpoints.validateWsUrl(" ");
	}

	@Test
	void invalidHostUrlsFailTypedNamingTheUrl() {
		String[][] apis = { { "javascript:alert(1)", "no valid host" }, { "https://api.example:99999", "99999" },
				{ "https://api.example:0", "port 0" }, { "ftp://api.example", "scheme" }, { "not a url", "not a URL" },
				{ "https://:443", "host" }, { "https://bad_host.example", "host" }, { "api.example", "no scheme" } };
		for (String[] api : apis) {
			assertThatExceptionOfType(MezonInvalidUrlException.class).as(api[0])
				.isThrownBy(() -> Endpoints.validateApiUrl("api_url", api[0]))
				.withMessageContaining(api[0].trim())
				.withMessageContaining(api[1])
				.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("api_url"));
		}
		for (String ws : new String[] { "javascript:alert(1)", "wss://ws.example:99999", "ftp://ws.example",
				"ws.example:8080", "ws example", "wss://", "ws.example/path" }) {
			assertThatExceptionOfType(MezonInvalidUrlException.class).as(ws)
				.isThrownBy(() -> Endpoints.validateWsUrl(ws))
				.withMessageContaining(ws)
				.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("ws_url"));
		}
		assertThatExceptionOfType(MezonInvalidUrlException.class)
			.isThrownBy(() -> Endpoints.validateApiUrl("api_url", null))
			.withMessageContaining("missing");
	}

	@Test
	void socketUriFailsTypedOnAnInvalidHostWithoutTheToken() {
		assertThatExceptionOfType(MezonInvalidUrlException.class)
			.isThrownBy(() -> Endpoints.socketUri("javascript:alert(1)", "https://api.example", TOKEN, false))
			.withMessageNotContaining(TOKEN);
		assertThatExceptionOfType(MezonInvalidUrlException.class)
			.isThrownBy(() -> Endpoints.socketUri("wss://ws.example:99999", "https://api.example", TOKEN, false));
		assertThatExceptionOfType(MezonInvalidUrlException.class)
			.isThrownBy(() -> Endpoints.socketUri(null, "https://api.example:70000", TOKEN, false));
	}

	@Test
	void messagesHideUserInfoAndQuery() {
		assertThatExceptionOfType(MezonInvalidUrlException.class)
			.isThrownBy(() -> Endpoints.validateApiUrl("api_url", "ftp://user:s3cret@h.example/x?sig=s3cret"))
			.withMessageNotContaining("s3cret")
			.withMessageContaining("ftp://***@h.example/x?...");
		assertThat(Endpoints.safe("x".repeat(300))).hasSize(203);
	}

}
