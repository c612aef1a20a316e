package ai.mezon.light.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;

import ai.mezon.light.LightSocket;
import ai.mezon.light.message.ChannelType;
import ai.mezon.light.session.SessionData;
import ai.mezon.light.spring.MezonMessageReceivedEvent;
import ai.mezon.light.test.TestChannel;

/**
 * Scenario 1 through the starter: a real (non-web) Boot application with Mezon's
 * auto-configuration, signed in from a session of the harness's user and connected to the
 * harness's test server by its own socket lifecycle; messages reach an {@code @EventListener} of
 * {@link MezonMessageReceivedEvent} through the starter's event bridge, which counts. Everything
 * else is the starter's defaults (platform dispatch threads, 1 024 queued events, own messages
 * not published); only the socket's request timeout is the harness's 30 s, as for the SDK target.
 */
final class StarterInbound {

	/** Opens one application per target; its start-up is not timed. */
	static final Inbound.TargetFactory EVENT_LISTENER = (fixture, channels, delivered) -> {
		SessionData session = fixture.server.issueSession(fixture.self);
		SpringApplication application = new SpringApplication(BotApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		// Registered before the refresh so the event listener processor finds its @EventListener.
		application.addInitializers((context) -> context.getBeanFactory()
			.registerSingleton("inboundCounter", new Counter(delivered)));
		ConfigurableApplicationContext context = application.run("--mezon.session.token=" + session.token(),
				"--mezon.session.refresh-token=" + session.refreshToken(),
				"--mezon.session.api-url=" + session.apiUrl(), "--mezon.session.ws-url=" + session.wsUrl(),
				"--mezon.session.user-id=" + session.userId(), "--mezon.allow-insecure-transport=true",
				"--mezon.socket.request-timeout=30s",
				// The channels of the scenario are joined here; the bot's other channels stay out of it.
				"--mezon.socket.list-channels-on-connect=false");
		try {
			LightSocket socket = context.getBean(LightSocket.class);
			List<CompletableFuture<Void>> joins = new ArrayList<>();
			for (TestChannel channel : channels) {
				joins.add((channel.type() == ChannelType.DM) ? socket.joinDMChannel(channel.idString())
						: socket.joinGroupChannel(channel.idString()));
			}
			CompletableFuture.allOf(joins.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
			return new Inbound.Target() {

				@Override
				public void close() {
					context.close();
				}

				@Override
				public String diagnostics() {
					return socket.getState() + " " + socket.getMetrics();
				}

			};
		}
		catch (Exception ex) {
			context.close();
			throw ex;
		}
	};

	private StarterInbound() {
	}

	/** Nothing of its own: the client, socket and event bridge come from auto-configuration. */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class BotApplication {

	}

	/** The application's listener: counts each message event. */
	static final class Counter {

		private final Runnable delivered;

		Counter(Runnable delivered) {
			this.delivered = delivered;
		}

		@EventListener
		void onMessage(MezonMessageReceivedEvent event) {
			this.delivered.run();
		}

	}

}
