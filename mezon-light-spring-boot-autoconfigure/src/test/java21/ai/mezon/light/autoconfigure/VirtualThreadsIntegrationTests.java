package ai.mezon.light.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

import ai.mezon.light.LightSocket;
import ai.mezon.light.spring.MezonMessageReceivedEvent;
import ai.mezon.light.test.ImportMezonTestServer;
import ai.mezon.light.test.MezonTestServer;
import ai.mezon.light.test.TestChannel;
import ai.mezon.light.test.TestUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The virtual-thread path end to end, on Java 21+ only (this source folder is compiled and run by
 * the {@code jdk21-tests} profile, not on 17): with {@code spring.threads.virtual.enabled=true}
 * listeners run on virtual threads, one channel's messages still in order, and answers made there
 * (a blocking {@code join()} included) reach the server.
 */
@SpringBootTest(properties = { "spring.threads.virtual.enabled=true", "mezon.socket.heartbeat-interval=2s",
		"mezon.socket.connect-timeout=3s", "mezon.socket.request-timeout=3s" })
@ImportMezonTestServer
class VirtualThreadsIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(15);

	@Autowired
	private MezonTestServer server;

	@Autowired
	private TestUser mezonTestBot;

	@Autowired
	private LightSocket socket;

	@Autowired
	private Bot bot;

	@Test
	void listenersRunOnVirtualThreadsInChannelOrderAndAnswer() {
		TestUser alice = this.server.createUser("alice");
		TestChannel dm = this.server.createDm(alice, this.mezonTestBot);
		await().atMost(WAIT).until(() -> this.socket.getJoinedChannels().contains(dm.idString()));
		List<String> sent = List.of("one", "two", "three", "four", "five");
		sent.forEach((text) -> this.server.sendAs(alice, dm, text));

		await().atMost(WAIT).until(() -> this.bot.texts.size() == sent.size());
		assertThat(this.bot.texts).containsExactlyElementsOf(sent);
		assertThat(this.bot.virtual).hasSize(sent.size()).containsOnly(true);
		await().atMost(WAIT)
			.until(() -> this.server.messages(dm).stream().filter((m) -> m.text().startsWith("echo: ")).count() == 5);
		// The sends' futures complete there too, so a callback may block. The ack is held so that
		// the callback is attached before the future completes.
		this.server.delayAcks(java.time.Duration.ofMillis(500));
		boolean callbackOnVirtualThread = this.socket.sendDM(dm.idString(), "from the test")
			.thenApply((ack) -> Thread.currentThread().isVirtual())
			.join();
		assertThat(callbackOnVirtualThread).isTrue();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class BotApplication {

		@Bean
		Bot bot() {
			return new Bot();
		}

	}

	static class Bot {

		final List<String> texts = new CopyOnWriteArrayList<>();

		final List<Boolean> virtual = new CopyOnWriteArrayList<>();

		@EventListener
		void echo(MezonMessageReceivedEvent event) {
			this.virtual.add(Thread.currentThread().isVirtual());
			this.texts.add(event.getText());
			// Blocking on a virtual thread is what it is for.
			event.reply("echo: " + event.getText()).join();
		}

	}

}
