package ai.mezon.light.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class MezonTestServerStartTests {

	@Test
	void startsOnFreeLoopbackPortAndStops() throws Exception {
		MezonTestServer server = MezonTestServer.builder().build().start();
		try {
			assertThat(server.port()).isPositive();
			assertThat(server.baseUrl()).isEqualTo("http://127.0.0.1:" + server.port());
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/nothing-here")).build(),
						HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(404);
		}
		finally {
			server.close();
		}
		server.close();
	}

	@Test
	void refusesSecondStart() {
		try (MezonTestServer server = MezonTestServer.builder().build().start()) {
			assertThatIllegalStateException().isThrownBy(server::start);
		}
	}

}
