package ai.mezon.light.test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import ai.mezon.light.AuthenticateConfig;
import ai.mezon.light.ClientInitConfig;
import ai.mezon.light.LightClient;
import ai.mezon.light.MezonApiException;
import ai.mezon.light.MezonAuthenticationException;
import ai.mezon.light.MezonSessionException;
import ai.mezon.light.session.Session;
import ai.mezon.light.session.SessionListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link LightClient#reauthenticate()} against the test server: when the server no longer accepts
 * any token it issued (its state was reset), refreshing fails and signing in again with the kept
 * id token brings a working session.
 */
class ReauthenticationIntegrationTests {

	@RegisterExtension
	static MezonTestServerExtension server = new MezonTestServerExtension();

	@Test
	void afterTheServerForgotEveryTokenTheClientSignsInAgainWithItsIdToken() {
		AuthenticateConfig config = server.get().authenticateConfig("2101", "phoenix");
		LightClient client = LightClient.authenticate(config, server.get().clientOptions());
		List<SessionListener.Change> changes = new CopyOnWriteArrayList<>();
		client.addSessionListener((session, change) -> changes.add(change));
		server.get().expireAllTokens();
		assertThatExceptionOfType(MezonApiException.class).isThrownBy(client::listDirectChannels)
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(401));
		assertThatExceptionOfType(MezonSessionException.class).isThrownBy(client::refreshSession);
		int gatewayCalls = server.get().requestCount("authenticate");
		Session session = client.reauthenticate();
		assertThat(server.get().requestCount("authenticate")).isEqualTo(gatewayCalls + 1);
		assertThat(changes).containsExactly(SessionListener.Change.AUTHENTICATED);
		assertThat(session.getApiUrl()).isEqualTo(server.get().baseUrl());
		assertThat(client.listDirectChannels()).isEmpty();
		assertThat(client.toString()).doesNotContain(config.idToken());
	}

	@Test
	void aRestoredClientSignsInAgainOnlyOnceGivenTheIdToken() {
		TestUser user = server.get().createUser(2102, "restored");
		LightClient client = LightClient.initClient(ClientInitConfig.from(server.get().issueSession(user)),
				server.get().clientOptions());
		assertThatExceptionOfType(MezonAuthenticationException.class).isThrownBy(client::reauthenticate);
		client.setReauthentication(server.get().authenticateConfig("2102", "restored"));
		server.get().expireAllTokens();
		assertThatExceptionOfType(MezonApiException.class).isThrownBy(client::listDirectChannels);
		client.reauthenticate();
		assertThat(client.listDirectChannels()).isEmpty();
	}

	@Test
	void aGatewayRefusalFailsTypedAndKeepsTheSession() {
		LightClient client = LightClient.authenticate(server.get().authenticateConfig("2103", "refused"),
				server.get().clientOptions());
		Session before = client.getSession();
		server.get().failRestCalls(401, 1);
		assertThatExceptionOfType(MezonAuthenticationException.class).isThrownBy(client::reauthenticate)
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("401"));
		assertThat(client.getSession()).isSameAs(before);
	}

}
