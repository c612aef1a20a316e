package ai.mezon.light.internal.net;

import java.net.URI;

import org.junit.jupiter.api.Test;

import ai.mezon.light.MezonException;
import ai.mezon.light.MezonInsecureTransportException;
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

}
