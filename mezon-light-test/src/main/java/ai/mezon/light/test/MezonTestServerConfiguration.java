package ai.mezon.light.test;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * The beans behind {@link ImportMezonTestServer}: a started {@link MezonTestServer}, its bot
 * user, and the {@code mezon.*} properties pointing the application at them. Import it directly
 * ({@code @Import(MezonTestServerConfiguration.class)}) or through the annotation.
 */
@Configuration(proxyBeanMethods = false)
public class MezonTestServerConfiguration {

	/** The user name of the bot user created on the server. */
	public static final String BOT_USERNAME = "bot";

	/**
	 * @return a started server on a free loopback port, closed with the context
	 */
	@Bean(destroyMethod = "close")
	public MezonTestServer mezonTestServer() {
		return MezonTestServer.builder().build().start();
	}

	/**
	 * @param server the server
	 * @return the user the application signs in as
	 */
	@Bean
	public TestUser mezonTestBot(MezonTestServer server) {
		return server.createUser(BOT_USERNAME);
	}

	/**
	 * Registered before the application's beans are created, so the auto-configured client
	 * authenticates against the server. A dummy id token: the test server accepts any.
	 * @param server the server
	 * @param bot the bot user
	 * @return the registrar
	 */
	@Bean
	public DynamicPropertyRegistrar mezonTestServerProperties(MezonTestServer server, TestUser bot) {
		return (registry) -> {
			registry.add("mezon.gateway-url", server::baseUrl);
			registry.add("mezon.server-key", server::serverKey);
			registry.add("mezon.id-token", () -> MezonTestServer.TEST_ID_TOKEN);
			registry.add("mezon.user-id", bot::idString);
			registry.add("mezon.username", bot::username);
		};
	}

}
