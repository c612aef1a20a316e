package ai.mezon.light.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.context.support.GenericApplicationContext;

import ai.mezon.light.ConnectionState;
import ai.mezon.light.Ids;
import ai.mezon.light.LightSocket;
import ai.mezon.light.session.SessionListener;
import ai.mezon.light.spring.MezonConnectionStateChangedEvent;
import ai.mezon.light.spring.MezonMessageReceivedEvent;
import ai.mezon.light.spring.MezonSessionExpiredEvent;
import ai.mezon.light.spring.MezonSessionRefreshedEvent;
import ai.mezon.light.spring.MezonTemplate;
import ai.mezon.light.test.MezonTestServer;
import ai.mezon.light.test.TestUser;

/**
 * One running instance of a bot: a whole Spring Boot application context built from the
 * starter's auto-configuration, against a {@link MezonTestServer}, started and closed by the
 * test. Several may run in one JVM, as several instances of one bot would on several machines.
 */
final class BotInstance implements AutoCloseable {

	final ConfigurableApplicationContext context;

	final Received received;

	private BotInstance(ConfigurableApplicationContext context) {
		this.context = context;
		this.received = context.getBean(Received.class);
	}

	/**
	 * @param server the server
	 * @param bot the bot's user
	 * @param dataSource a DataSource bean to register, or {@code null}
	 * @param properties more properties ({@code key=value})
	 * @return the started instance
	 */
	static BotInstance start(MezonTestServer server, TestUser bot, DataSource dataSource, String... properties) {
		List<String> all = new ArrayList<>(List.of("mezon.gateway-url=" + server.baseUrl(),
				"mezon.server-key=" + server.serverKey(), "mezon.id-token=" + MezonTestServer.TEST_ID_TOKEN,
				"mezon.user-id=" + bot.idString(), "mezon.username=" + bot.username(),
				"mezon.socket.heartbeat-interval=2s", "mezon.socket.connect-timeout=3s",
				"mezon.socket.request-timeout=3s", "mezon.socket.reconnect.initial-backoff=50ms",
				"mezon.socket.reconnect.max-backoff=200ms", "spring.main.banner-mode=off",
				"spring.data.redis.host=" + TestServices.redisHost(),
				"spring.data.redis.port=" + TestServices.redisPort()));
		all.addAll(List.of(properties));
		ApplicationContextInitializer<GenericApplicationContext> beans = (context) -> {
			if (dataSource != null) {
				context.registerBean("dataSource", DataSource.class, () -> dataSource);
			}
		};
		SpringApplicationBuilder builder = new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
			.properties(all.toArray(String[]::new))
			.initializers(beans);
		return new BotInstance(builder.run());
	}

	LightSocket socket() {
		return this.context.getBean(LightSocket.class);
	}

	MezonTemplate template() {
		return this.context.getBean(MezonTemplate.class);
	}

	<T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	@Override
	public void close() {
		if (this.context.isActive()) {
			this.context.close();
		}
	}

	/** The application: nothing but auto-configuration and a listener recording what it receives. */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

		@Bean
		Received received() {
			return new Received();
		}

	}

	/** What one instance's listeners saw. */
	static final class Received {

		/** Ids of the messages published as {@link MezonMessageReceivedEvent}, in order. */
		final List<String> messageIds = new CopyOnWriteArrayList<>();

		final List<MezonSessionExpiredEvent> expired = new CopyOnWriteArrayList<>();

		final List<MezonSessionRefreshedEvent> refreshed = new CopyOnWriteArrayList<>();

		/** Links lost: a RECONNECTING state may last less than one poll, its count cannot be missed. */
		final AtomicInteger losses = new AtomicInteger();

		@EventListener
		void on(MezonConnectionStateChangedEvent event) {
			if (event.getState() == ConnectionState.RECONNECTING && event.getPreviousState() == ConnectionState.CONNECTED) {
				this.losses.incrementAndGet();
			}
		}

		@EventListener
		void on(MezonMessageReceivedEvent event) {
			this.messageIds.add(event.getMessage().messageId());
		}

		@EventListener
		void on(MezonSessionExpiredEvent event) {
			this.expired.add(event);
		}

		@EventListener
		void on(MezonSessionRefreshedEvent event) {
			this.refreshed.add(event);
		}

		long reauthentications() {
			return this.refreshed.stream()
				.filter((event) -> event.getChange() == SessionListener.Change.AUTHENTICATED)
				.count();
		}

	}

}
