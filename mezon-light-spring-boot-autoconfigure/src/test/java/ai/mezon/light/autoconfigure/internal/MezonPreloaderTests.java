package ai.mezon.light.autoconfigure.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.mock.env.MockEnvironment;

import ai.mezon.light.AuthenticateConfig;
import ai.mezon.light.LightClient;
import ai.mezon.light.LightClientOptions;
import ai.mezon.light.LightSocket;
import ai.mezon.light.internal.Preload;
import ai.mezon.light.test.MezonTestServer;
import ai.mezon.light.test.MezonTestServerExtension;
import ai.mezon.light.test.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MezonPreloader}: Boot finds it, it preloads only for an application that uses
 * Mezon, and the preload can run (more than once) while a client signs in and connects.
 */
class MezonPreloaderTests {

	@RegisterExtension
	final MezonTestServerExtension server = new MezonTestServerExtension();

	private final List<Runnable> started = new ArrayList<>();

	@Test
	void isRegisteredAsAnApplicationListener() {
		List<ApplicationListener> listeners = SpringFactoriesLoader.forDefaultResourceLocation()
			.load(ApplicationListener.class);
		assertThat(listeners).hasAtLeastOneElementOfType(MezonPreloader.class);
	}

	@Test
	void preloadsWhenMezonIsEnabledByDefault() {
		prepare(new MockEnvironment(), 2);
		assertThat(this.started).hasSize(1);
	}

	@Test
	void doesNothingWhenMezonIsDisabled() {
		prepare(new MockEnvironment().withProperty("mezon.enabled", "false"), 2);
		assertThat(this.started).isEmpty();
	}

	@Test
	void readsMezonEnabledAsTheAutoConfigurationsConditionDoes() {
		prepare(new MockEnvironment().withProperty("mezon.enabled", "TRUE"), 2);
		assertThat(this.started).hasSize(1);
		// Not a boolean: the condition turns Mezon off, and nothing here may fail start-up.
		prepare(new MockEnvironment().withProperty("mezon.enabled", "yes"), 2);
		prepare(new MockEnvironment().withProperty("mezon.enabled", "foo"), 2);
		assertThat(this.started).hasSize(1);
	}

	@Test
	void seesAnExclusionGivenAsAnIndexedList() {
		prepare(new MockEnvironment().withProperty("spring.autoconfigure.exclude[0]", "com.example.Other")
			.withProperty("spring.autoconfigure.exclude[1]", "ai.mezon.light.autoconfigure.MezonAutoConfiguration"), 2);
		assertThat(this.started).isEmpty();
	}

	@Test
	void doesNothingWhenTheAutoConfigurationIsExcluded() {
		prepare(new MockEnvironment().withProperty("spring.autoconfigure.exclude",
				"com.example.Other,ai.mezon.light.autoconfigure.MezonAutoConfiguration"), 2);
		assertThat(this.started).isEmpty();
	}

	@Test
	void doesNothingOnOneCpu() {
		prepare(new MockEnvironment(), 1);
		assertThat(this.started).isEmpty();
	}

	@Test
	void doesNothingWhenBootsBackgroundInitialisationIsSwitchedOff() {
		System.setProperty(MezonPreloader.IGNORE_PROPERTY, "true");
		try {
			prepare(new MockEnvironment(), 2);
		}
		finally {
			System.clearProperty(MezonPreloader.IGNORE_PROPERTY);
		}
		assertThat(this.started).isEmpty();
	}

	@Test
	void signInAndConnectWorkWhileThePreloadRuns() throws Exception {
		// In this JVM the preload may have run already (it runs once per class loader): then this shows
		// that later calls return and change nothing; run first, that a real sign-in is unharmed.
		TestUser bot = this.server.get().createUser("bot");
		CountDownLatch go = new CountDownLatch(1);
		List<CompletableFuture<Void>> preloading = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			preloading.add(CompletableFuture.runAsync(() -> {
				await(go);
				Preload.run();
			}));
		}
		go.countDown();
		LightClient client = LightClient.authenticate(new AuthenticateConfig(MezonTestServer.TEST_ID_TOKEN,
				bot.idString(), bot.username(), this.server.get().baseUrl(), null), LightClientOptions.builder().build());
		LightSocket socket = client.createSocket();
		try {
			socket.connect().get(10, TimeUnit.SECONDS);
			assertThat(socket.isConnected()).isTrue();
		}
		finally {
			socket.close();
		}
		CompletableFuture.allOf(preloading.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
		// Once more, after the fact: returns at once and changes nothing.
		Preload.run();
		assertThat(client.exportSession().token()).isNotEmpty();
	}

	private void prepare(MockEnvironment environment, int processors) {
		MezonPreloader preloader = new MezonPreloader(this.started::add, processors, () -> {
		});
		preloader.onApplicationEvent(new ApplicationEnvironmentPreparedEvent(new DefaultBootstrapContext(),
				new SpringApplication(), new String[0], environment));
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
