package ai.mezon.light.test;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import ai.mezon.light.LightClient;
import ai.mezon.light.LightClientOptions;
import ai.mezon.light.MezonApiException;
import ai.mezon.light.MezonAuthenticationException;
import ai.mezon.light.MezonSessionException;
import ai.mezon.light.MezonTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * HTTP failures injected on the test server and the exceptions the client maps them to.
 */
class RestFaultMappingIntegrationTests {

	private static final Duration SHORT_TIMEOUT = Duration.ofMillis(300);

	@RegisterExtension
	static MezonTestServerExtension server = new MezonTestServerExtension();

	@AfterEach
	void clearFaults() {
		server.get().resetFaults();
	}

	@Test
	void gateway500IsAuthenticationFailureWithStatus() {
		server.get().failRestCalls(500, 1);
		assertThatExceptionOfType(MezonAuthenticationException.class).isThrownBy(() -> authenticate("800"))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(500));
		assertThat(authenticate("800").userId()).isEqualTo("800");
	}

	@Test
	void api500IsApiExceptionWithStatusAndCall() {
		LightClient client = authenticate("801");
		server.get().failRestCalls(503, 1);
		assertThatExceptionOfType(MezonApiException.class).isThrownBy(() -> client.createDM("802"))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(503);
				assertThat(ex.getCall()).isEqualTo("CreateChannelDesc");
			});
	}

	@Test
	void refresh500IsSessionException() {
		LightClient client = authenticate("803");
		server.get().failRestCalls(500, 1);
		assertThatExceptionOfType(MezonSessionException.class).isThrownBy(client::refreshSession)
			.withMessageContaining("HTTP 500");
		assertThat(client.refreshSession()).isNotNull();
	}

	@Test
	void slowServerTimesOut() {
		// Authenticated with the normal timeout: only the calls under test are held past the short one.
		LightClient client = LightClient.restore(authenticate("804").exportSession(), shortTimeout());
		server.get().delayRestCalls(Duration.ofSeconds(1));
		assertThatExceptionOfType(MezonTimeoutException.class).isThrownBy(() -> client.createDM("805"))
			.satisfies((ex) -> assertThat(ex.getTimeout()).isEqualTo(SHORT_TIMEOUT));
		assertThatExceptionOfType(MezonTimeoutException.class)
			.isThrownBy(() -> LightClient.authenticate(server.get().authenticateConfig("806", "slow"), shortTimeout()));
		assertThatExceptionOfType(MezonTimeoutException.class).isThrownBy(client::refreshSession);
	}

	private static LightClientOptions shortTimeout() {
		return server.get().clientOptions().toBuilder().requestTimeout(SHORT_TIMEOUT).build();
	}

	private static LightClient authenticate(String userId) {
		return LightClient.authenticate(server.get().authenticateConfig(userId, "user" + userId),
				server.get().clientOptions());
	}

}
