package ai.mezon.light.autoconfigure.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.preinitialize.BackgroundPreinitializer;
import org.springframework.core.io.support.SpringFactoriesLoader;

import ai.mezon.light.AuthenticateConfig;
import ai.mezon.light.LightClient;
import ai.mezon.light.LightClientOptions;
import ai.mezon.light.LightSocket;
import ai.mezon.light.test.MezonTestServer;
import ai.mezon.light.test.MezonTestServerExtension;
import ai.mezon.light.test.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MezonBackgroundPreinitializer}: Boot finds it, and it can run (more than once)
 * while a client signs in and connects without getting in the way.
 */
class MezonBackgroundPreinitializerTests {

	@RegisterExtension
	final MezonTestServerExtension server = new MezonTestServerExtension();

	@Test
	void isRegisteredForBootsBackgroundPreinitialization() {
		List<BackgroundPreinitializer> preinitializers = SpringFactoriesLoader.forDefaultResourceLocation()
			.load(BackgroundPreinitializer.class);
		assertThat(preinitializers).hasAtLeastOneElementOfType(MezonBackgroundPreinitializer.class);
	}

	@Test
	void runsTwiceConcurrentlyWithASignInAndConnectThatStillWork() throws Exception {
		TestUser bot = this.server.get().createUser("bot");
		MezonBackgroundPreinitializer preinitializer = new MezonBackgroundPreinitializer();
		CountDownLatch go = new CountDownLatch(1);
		List<CompletableFuture<Void>> preinitializing = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			preinitializing.add(CompletableFuture.runAsync(() -> {
				await(go);
				preinitializer.preinitialize();
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
		CompletableFuture.allOf(preinitializing.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
		// Once more, after the fact: returns at once and changes nothing.
		preinitializer.preinitialize();
		assertThat(client.exportSession().token()).isNotEmpty();
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
