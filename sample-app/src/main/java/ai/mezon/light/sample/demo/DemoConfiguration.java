package ai.mezon.light.sample.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;

import ai.mezon.light.LightSocket;
import ai.mezon.light.autoconfigure.MezonConnectionDetails;
import ai.mezon.light.test.MezonTestServer;

/**
 * Demo mode: runs the bot against an embedded {@link MezonTestServer} with a simulated visitor,
 * when no Mezon credentials are configured ({@link ConditionalOnDemoMode}).
 *
 * <p>The wiring is the starter's own extension point: a {@link MezonConnectionDetails} bean,
 * before which the auto-configured one (from {@code mezon.*} properties) backs off. The order is
 * given by dependencies, not by luck: the starter's client is built from the connection details,
 * which are built from the started server, so the server listens before the client
 * authenticates; and on shutdown the server stops after the client and the visitor.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnDemoMode
@EnableConfigurationProperties(DemoProperties.class)
public class DemoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(DemoConfiguration.class);

	/**
	 * @param properties the demo settings
	 * @return the embedded server, started on loopback and stopped with the application
	 */
	@Bean(destroyMethod = "close")
	MezonTestServer demoMezonServer(DemoProperties properties) {
		return MezonTestServer.builder().port(properties.serverPort()).build().start();
	}

	/**
	 * @param server the embedded server
	 * @param properties the demo settings
	 * @return the bot's identity on the embedded server
	 */
	@Bean
	DemoConnectionDetails demoMezonConnectionDetails(MezonTestServer server, DemoProperties properties) {
		return new DemoConnectionDetails(server, server.createUser(properties.botName()));
	}

	/**
	 * @param server the embedded server
	 * @param details the bot's identity
	 * @param botSocket the bot's socket
	 * @param properties the demo settings
	 * @return the simulated visitor
	 */
	@Bean
	Visitor demoVisitor(MezonTestServer server, DemoConnectionDetails details, LightSocket botSocket,
			DemoProperties properties) {
		return new Visitor(server, details.bot(), botSocket, properties);
	}

	/**
	 * Says what runs, once the application is up, so the newcomer knows where to look.
	 * @param event the application is ready
	 */
	@EventListener
	public void announce(ApplicationReadyEvent event) {
		Environment environment = event.getApplicationContext().getEnvironment();
		MezonTestServer server = event.getApplicationContext().getBean(MezonTestServer.class);
		logger.info("Demo mode (no Mezon credentials configured): the bot runs against an embedded Mezon test server "
				+ "at {} with a simulated visitor. Open http://localhost:{}/ to watch them chat. Set "
				+ "MEZON_ID_TOKEN, MEZON_USER_ID and MEZON_USERNAME (and MEZON_GATEWAY_URL) to use a real server.",
				server.baseUrl(), environment.getProperty("local.server.port", "8080"));
	}

}
