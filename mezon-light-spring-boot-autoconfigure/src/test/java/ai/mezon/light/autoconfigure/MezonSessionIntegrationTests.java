package ai.mezon.light.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import ai.mezon.light.LightClient;
import ai.mezon.light.LightSocket;
import ai.mezon.light.test.MezonTestServer;
import ai.mezon.light.test.MezonTestServerExtension;
import ai.mezon.light.test.TestUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Whole applications started and stopped against one test server that outlives them: the
 * session survives a restart in a file store, and a revoked session is replaced with the id token.
 */
class MezonSessionIntegrationTests {

	// A fresh server per test: the counters and the revocation are the test's own.
	@RegisterExtension
	final MezonTestServerExtension server = new MezonTestServerExtension();

	@TempDir
	Path sessions;

	@Test
	void restartRestoresTheSessionFromTheFileStoreWithoutAuthenticating() {
		TestUser bot = this.server.get().createUser("bot");
		try (ConfigurableApplicationContext first = start(bot)) {
			assertThat(first.getBean(LightSocket.class).isConnected()).isTrue();
		}
		assertThat(this.server.get().requestCount("authenticate")).isEqualTo(1);

		try (ConfigurableApplicationContext second = start(bot)) {
			assertThat(second.getBean(LightSocket.class).isConnected()).isTrue();
		}
		assertThat(this.server.get().requestCount("authenticate")).isEqualTo(1);
	}

	@Test
	void restClientIsBuiltOnlyWhenACallNeedsItAndOncePerClient() {
		TestUser bot = this.server.get().createUser("bot");
		AtomicInteger firstBuilds = new AtomicInteger();
		try (ConfigurableApplicationContext first = start(bot, firstBuilds)) {
			// Signing in with the id token needs it while starting.
			assertThat(firstBuilds).hasValue(1);
		}
		AtomicInteger secondBuilds = new AtomicInteger();
		try (ConfigurableApplicationContext second = start(bot, secondBuilds)) {
			// Restored from the store and connected: no REST call, so no REST client yet.
			assertThat(second.getBean(LightSocket.class).isConnected()).isTrue();
			assertThat(secondBuilds).hasValue(0);
			LightClient client = second.getBean(LightClient.class);
			client.refreshSession();
			client.refreshSession();
			assertThat(secondBuilds).hasValue(1);
		}
	}

	@Test
	void revokedTokensAreReplacedByAuthenticatingAgainWithTheIdToken() {
		TestUser bot = this.server.get().createUser("bot");
		try (ConfigurableApplicationContext context = start(bot)) {
			LightSocket socket = context.getBean(LightSocket.class);
			String revoked = socket.getClient().getRefreshToken();

			this.server.get().expireAllTokens();
			this.server.get().dropConnections();

			// The reconnect's handshake is refused (401), so is the refresh; the id token wins.
			await().atMost(Duration.ofSeconds(10)).until(() -> this.server.get().requestCount("authenticate") == 2);
			await().atMost(Duration.ofSeconds(10)).until(socket::isConnected);
			assertThat(socket.getClient().getRefreshToken()).isNotEqualTo(revoked);
		}
	}

	private ConfigurableApplicationContext start(TestUser bot) {
		return start(bot, new AtomicInteger());
	}

	/** @param restClientBuilds counts the REST client builders the application customises */
	private ConfigurableApplicationContext start(TestUser bot, AtomicInteger restClientBuilds) {
		MezonTestServer mezon = this.server.get();
		MezonRestClientCustomizer counter = (builder) -> restClientBuilds.incrementAndGet();
		return new SpringApplicationBuilder(BotApplication.class).web(WebApplicationType.NONE)
			.initializers((context) -> context.getBeanFactory().registerSingleton("restClientBuilds", counter))
			.properties("mezon.gateway-url=" + mezon.baseUrl(), "mezon.id-token=" + MezonTestServer.TEST_ID_TOKEN,
					"mezon.user-id=" + bot.idString(), "mezon.username=" + bot.username(),
					"mezon.session-store.type=file", "mezon.session-store.file.path=" + this.sessions,
					"mezon.socket.heartbeat-interval=2s", "mezon.socket.connect-timeout=3s",
					"mezon.socket.request-timeout=3s", "mezon.socket.reconnect.initial-backoff=50ms",
					"mezon.socket.reconnect.max-backoff=200ms", "mezon.refresh.retry-interval=200ms",
					// Listing the bot's channels after connecting is a REST call: none is wanted here.
					"mezon.socket.list-channels-on-connect=false")
			.run();
	}

	@SpringBootConfiguration
	@ImportAutoConfiguration(MezonAutoConfiguration.class)
	static class BotApplication {

	}

}
