package ai.mezon.light.autoconfigure;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.env.MockEnvironment;

import ai.mezon.light.ConnectionState;
import ai.mezon.light.LightClient;
import ai.mezon.light.LightSocket;
import ai.mezon.light.SocketOptions;
import ai.mezon.light.autoconfigure.internal.ApplicationEventBridge;
import ai.mezon.light.autoconfigure.internal.DispatchExecutors;
import ai.mezon.light.autoconfigure.internal.MezonMeters;
import ai.mezon.light.autoconfigure.internal.SocketLifecycle;
import ai.mezon.light.spring.MezonTemplate;
import ai.mezon.light.test.MezonTestServer;
import ai.mezon.light.test.MezonTestServerExtension;
import ai.mezon.light.test.TestChannel;
import ai.mezon.light.test.TestUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for the socket side of the auto-configuration (socket, lifecycle, template, event
 * bridge, health, metrics): every condition and override, against the embedded test server.
 */
class MezonSocketAutoConfigurationTests {

	@RegisterExtension
	static final MezonTestServerExtension server = new MezonTestServerExtension();

	private TestUser bot;

	private ApplicationContextRunner runner;

	@BeforeEach
	void setUp() {
		MezonTestServer mezon = server.get();
		this.bot = mezon.createUser("bot");
		this.runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MezonAutoConfiguration.class, MezonHealthAutoConfiguration.class,
					MezonMetricsAutoConfiguration.class))
			.withPropertyValues("mezon.gateway-url=" + mezon.baseUrl(), "mezon.id-token=" + MezonTestServer.TEST_ID_TOKEN,
					"mezon.user-id=" + this.bot.idString(), "mezon.username=bot",
					"mezon.socket.heartbeat-interval=2s", "mezon.socket.connect-timeout=3s",
					"mezon.socket.request-timeout=3s", "mezon.socket.reconnect.initial-backoff=50ms",
					"mezon.socket.reconnect.max-backoff=200ms");
	}

	@AfterEach
	void tearDown() {
		server.get().resetFaults();
	}

	@Test
	void socketIsConnectedWhileTheContextRunsAndJoinsConfiguredChannels() {
		TestUser alice = server.get().createUser("alice");
		TestChannel dm = server.get().createDm(alice, this.bot);
		TestChannel group = server.get().createGroup(alice, "team", this.bot);
		this.runner
			.withPropertyValues("mezon.socket.join-dm-channels=" + dm.idString(),
					"mezon.socket.join-group-channels=" + group.idString())
			.run((context) -> {
				assertThat(context).hasSingleBean(LightSocket.class)
					.hasSingleBean(SocketLifecycle.class)
					.hasSingleBean(MezonTemplate.class)
					.hasSingleBean(ApplicationEventBridge.class);
				LightSocket socket = context.getBean(LightSocket.class);
				assertThat(socket.isConnected()).isTrue();
				assertThat(socket.getJoinedChannels()).containsExactlyInAnyOrder(dm.idString(), group.idString());
				assertThat(context.getBean(MezonTemplate.class).getSocket()).isSameAs(socket);
				assertThat(socket.getClient()).isSameAs(context.getBean(LightClient.class));
				context.close();
				assertThat(socket.getState()).isEqualTo(ConnectionState.DISCONNECTED);
			});
	}

	@Test
	void autoConnectFalseLeavesTheSocketToTheApplication() {
		this.runner.withPropertyValues("mezon.socket.auto-connect=false").run((context) -> {
			assertThat(context).hasSingleBean(LightSocket.class)
				.hasSingleBean(MezonTemplate.class)
				.doesNotHaveBean(SocketLifecycle.class);
			assertThat(context.getBean(LightSocket.class).getState()).isEqualTo(ConnectionState.DISCONNECTED);
		});
	}

	@Test
	void startUpSurvivesAServerRefusingTheSocketAndHealthTellsWhy() {
		TestChannel dm = server.get().createDm(server.get().createUser("carol"), this.bot);
		server.get().refuseNextHandshakes(1_000);
		this.runner.withPropertyValues("mezon.socket.join-dm-channels=" + dm.idString()).run((context) -> {
			assertThat(context).hasNotFailed();
			LightSocket socket = context.getBean(LightSocket.class);
			assertThat(socket.getState()).isEqualTo(ConnectionState.RECONNECTING);
			Health health = context.getBean("mezonHealthIndicator", HealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("state", "RECONNECTING")
				.containsEntry("userId", this.bot.idString())
				.containsKey("reason")
				.containsKey("nextRetry");
			assertThat((String) health.getDetails().get("reason")).contains("503").doesNotContain("token");
			assertThat(socket.getNextReconnectTime()).isNotNull();
			server.get().refuseNextHandshakes(0);
			await().atMost(Duration.ofSeconds(10)).until(socket::isConnected);
			// The configured channel is joined once the socket is finally up.
			await().atMost(Duration.ofSeconds(10)).until(() -> socket.getJoinedChannels().contains(dm.idString()));
			assertThat(context.getBean("mezonHealthIndicator", HealthIndicator.class).health().getStatus())
				.isEqualTo(Status.UP);
		});
	}

	@Test
	void healthIsUpWithDetailsWhenConnected() {
		this.runner.run((context) -> {
			Health health = context.getBean("mezonHealthIndicator", HealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("state", "CONNECTED")
				.containsEntry("userId", this.bot.idString())
				.containsEntry("joinedChannels", 0);
		});
	}

	@Test
	void healthIndicatorCanBeDisabledOrReplacedAndNeedsTheHealthModule() {
		this.runner.withPropertyValues("mezon.socket.auto-connect=false", "management.health.mezon.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("mezonHealthIndicator"));
		this.runner.withPropertyValues("mezon.socket.auto-connect=false")
			.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("mezonHealthIndicator"));
		this.runner.withPropertyValues("mezon.socket.auto-connect=false")
			.withBean("mezonHealthIndicator", HealthIndicator.class, () -> () -> Health.unknown().build())
			.run((context) -> assertThat(context.getBean("mezonHealthIndicator", HealthIndicator.class).health()
				.getStatus()).isEqualTo(Status.UNKNOWN));
	}

	@Test
	void healthIsDownWhenNeverConnected() {
		this.runner.withPropertyValues("mezon.socket.auto-connect=false").run((context) -> {
			Health health = context.getBean("mezonHealthIndicator", HealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("state", "DISCONNECTED")
				.containsEntry("reason", "Not connected")
				.doesNotContainKey("nextRetry");
		});
	}

	@Test
	void metricsNeedAMeterRegistryBeanAndMicrometer() {
		this.runner.withPropertyValues("mezon.socket.auto-connect=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MezonMeters.class));
		this.runner.withPropertyValues("mezon.socket.auto-connect=false")
			.withBean(SimpleMeterRegistry.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(MezonMeters.class);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("mezon.socket.state").tag("state", "disconnected").gauge().value())
					.isEqualTo(1.0);
				assertThat(registry.get("mezon.socket.reconnects").functionCounter().count()).isZero();
				assertThat(registry.get("mezon.socket.malformed.frames").functionCounter().count()).isZero();
			});
		this.runner.withPropertyValues("mezon.socket.auto-connect=false")
			.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MezonMeters.class));
	}

	@Test
	void applicationEventsCanBeTurnedOff() {
		this.runner.withPropertyValues("mezon.socket.auto-connect=false", "mezon.events.publish-application-events=false")
			.run((context) -> assertThat(context).hasSingleBean(MezonTemplate.class)
				.doesNotHaveBean(ApplicationEventBridge.class));
	}

	@Test
	void userBeansWinAndCustomizersApply() {
		AtomicBoolean customized = new AtomicBoolean();
		this.runner.withPropertyValues("mezon.socket.auto-connect=false")
			.withBean(LightSocketOptionsCustomizer.class, () -> (options) -> customized.set(true))
			.run((context) -> assertThat(customized).isTrue());
		this.runner.withPropertyValues("mezon.socket.auto-connect=false")
			.withUserConfiguration(UserBeans.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(LightSocket.class).hasSingleBean(MezonTemplate.class);
				assertThat(context.getBean(LightSocket.class)).isSameAs(context.getBean("mySocket"));
				assertThat(context.getBean(MezonTemplate.class)).isSameAs(context.getBean("myTemplate"));
			});
	}

	@Test
	void typingIntervalPropertyReachesTheSocketOptions() {
		// The only customizer runs after the properties are applied: it sees what the socket gets.
		AtomicReference<Duration> typingInterval = new AtomicReference<>();
		LightSocketOptionsCustomizer capture = (options) -> typingInterval.set(options.build().typingInterval());
		ApplicationContextRunner runner = this.runner.withPropertyValues("mezon.socket.auto-connect=false")
			.withBean(LightSocketOptionsCustomizer.class, () -> capture);
		runner.run((context) -> assertThat(typingInterval).hasValue(Duration.ofSeconds(3)));
		runner.withPropertyValues("mezon.socket.typing-interval=500ms")
			.run((context) -> assertThat(typingInterval).hasValue(Duration.ofMillis(500)));
		runner.withPropertyValues("mezon.socket.typing-interval=0")
			.run((context) -> assertThat(typingInterval).hasValue(Duration.ZERO));
	}

	@Test
	void dispatchFollowsSpringThreadsVirtualEnabled() {
		MockEnvironment platform = new MockEnvironment();
		assertThat(DispatchExecutors.resolve(null, platform)).isNull();
		assertThat(DispatchExecutors.resolve(MezonProperties.Events.Executor.PLATFORM,
				new MockEnvironment().withProperty("spring.threads.virtual.enabled", "true"))).isNull();
		boolean virtualThreads = Runtime.version().feature() >= 21;
		assertThat(DispatchExecutors.resolve(null,
				new MockEnvironment().withProperty("spring.threads.virtual.enabled", "true")) != null)
			.isEqualTo(virtualThreads);
		assertThat(DispatchExecutors.resolve(MezonProperties.Events.Executor.VIRTUAL, platform) != null)
			.isEqualTo(virtualThreads);
	}

	@Configuration(proxyBeanMethods = false)
	static class UserBeans {

		@Bean
		LightSocket mySocket(LightClient client) {
			return client.createSocket(SocketOptions.defaults());
		}

		@Bean
		MezonTemplate myTemplate(LightSocket socket) {
			return new MezonTemplate(socket);
		}

	}

}
