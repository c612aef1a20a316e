package ai.mezon.light.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

import ai.mezon.light.ClientInitConfig;
import ai.mezon.light.LightClient;
import ai.mezon.light.LightSocket;
import ai.mezon.light.spring.MezonChannelAddedEvent;
import ai.mezon.light.spring.MezonConnectionStateChangedEvent;
import ai.mezon.light.spring.MezonMessageReceivedEvent;
import ai.mezon.light.spring.MezonTemplate;
import ai.mezon.light.test.ImportMezonTestServer;
import ai.mezon.light.test.MezonTestServer;
import ai.mezon.light.test.StoredMessage;
import ai.mezon.light.test.TestChannel;
import ai.mezon.light.test.TestUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A bot built only from the starter's auto-configuration and properties, against the embedded
 * test server: it answers DMs from simulated users through {@code @EventListener}s.
 */
@SpringBootTest(properties = { "mezon.socket.heartbeat-interval=2s", "mezon.socket.connect-timeout=3s",
		"mezon.socket.request-timeout=3s", "mezon.socket.reconnect.initial-backoff=50ms",
		"mezon.socket.reconnect.max-backoff=200ms" })
@ImportMezonTestServer
@ExtendWith(OutputCaptureExtension.class)
class MezonBotIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@Autowired
	private MezonTestServer server;

	@Autowired
	private TestUser mezonTestBot;

	@Autowired
	private LightSocket socket;

	@Autowired
	private MezonTemplate template;

	@Autowired
	private Bot bot;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	@Qualifier("mezonHealthIndicator")
	private HealthIndicator health;

	private TestUser alice;

	private TestChannel dm;

	@BeforeEach
	void openDm() {
		this.alice = this.server.createUser("alice");
		this.dm = this.server.createDm(this.alice, this.mezonTestBot);
		// The server announces the new DM; the bot joins it by itself.
		await().atMost(WAIT).until(() -> this.socket.getJoinedChannels().contains(this.dm.idString()));
		await().atMost(WAIT).until(() -> this.bot.added.contains(this.dm.idString()));
	}

	@Test
	void answersADmWithEventReply(CapturedOutput output) {
		this.server.sendAs(this.alice, this.dm, "hello bot");

		await().atMost(WAIT).until(() -> botTexts().contains("echo: hello bot"));
		assertThat(this.bot.received).anySatisfy((event) -> {
			assertThat(event.getSenderId()).isEqualTo(this.alice.idString());
			assertThat(event.getChannelId()).isEqualTo(this.dm.idString());
			assertThat(event.isDirect()).isTrue();
			assertThat(event.isFromSelf()).isFalse();
		});
		assertNoTokenIn(output);
	}

	@Test
	void spelConditionsSeeTheText() {
		this.server.sendAs(this.alice, this.dm, "ping");
		this.server.sendAs(this.alice, this.dm, "not ping");

		await().atMost(WAIT).until(() -> botTexts().contains("echo: not ping"));
		await().atMost(WAIT).until(() -> botTexts().contains("pong"));
		assertThat(botTexts()).containsOnlyOnce("pong");
	}

	@Test
	void aThrowingListenerDoesNotStopTheNextMessage(CapturedOutput output) {
		this.server.sendAs(this.alice, this.dm, "boom");
		this.server.sendAs(this.alice, this.dm, "after the boom");

		await().atMost(WAIT).until(() -> botTexts().contains("echo: after the boom"));
		assertThat(output).contains("A listener of MezonMessageReceivedEvent").contains("IllegalStateException: boom");
		assertNoTokenIn(output);
	}

	@Test
	void ownMessagesFromAnotherSessionAreNotPublished() {
		LightClient otherSession = LightClient
			.initClient(ClientInitConfig.from(this.server.issueSession(this.mezonTestBot)));
		try (LightSocket other = otherSession.createSocket()) {
			other.connect().join();
			other.joinDMChannel(this.dm.idString()).join();
			other.sendDM(this.dm.idString(), "from my other self").join();
			this.server.sendAs(this.alice, this.dm, "marker");
			await().atMost(WAIT).until(() -> botTexts().contains("echo: marker"));
		}
		assertThat(this.bot.received).noneMatch((event) -> event.getText().equals("from my other self"));
	}

	@Test
	void templateSendsAndMetersCount() {
		this.template.sendDM(this.dm.idString(), "hi from the template").join();
		this.server.sendAs(this.alice, this.dm, "count me");
		await().atMost(WAIT).until(() -> botTexts().contains("echo: count me"));

		assertThat(botTexts()).contains("hi from the template");
		assertThat(this.meters.get("mezon.messages.received").tag("channel.type", "dm").counter().count())
			.isPositive();
		assertThat(this.meters.get("mezon.messages.sent").tags("channel.type", "dm", "outcome", "success")
			.counter()
			.count()).isGreaterThanOrEqualTo(2);
		assertThat(this.meters.get("mezon.send.latency").tag("outcome", "success").timer().count())
			.isGreaterThanOrEqualTo(2);
		assertThat(this.meters.get("mezon.socket.state").tag("state", "connected").gauge().value()).isEqualTo(1.0);
	}

	@Test
	void healthGoesDownWhenTheLinkDropsAndUpAfterTheReconnect(CapturedOutput output) {
		assertThat(this.health.health().getStatus()).isEqualTo(Status.UP);
		double reconnects = this.meters.get("mezon.socket.reconnects").functionCounter().count();

		this.server.refuseNextHandshakes(5);
		this.server.dropConnections();
		await().atMost(WAIT).until(() -> this.health.health().getStatus().equals(Status.DOWN));
		assertThat(this.health.health().getDetails()).containsKey("reason");

		await().atMost(WAIT).until(() -> this.health.health().getStatus().equals(Status.UP));
		assertThat(this.meters.get("mezon.socket.reconnects").functionCounter().count()).isGreaterThan(reconnects);
		assertThat(this.bot.states).contains("CONNECTED->RECONNECTING", "RECONNECTING->CONNECTED");
		// Still answering, in the rejoined DM.
		this.server.sendAs(this.alice, this.dm, "back");
		await().atMost(WAIT).until(() -> botTexts().contains("echo: back"));
		assertNoTokenIn(output);
	}

	private List<String> botTexts() {
		return this.server.messages(this.dm)
			.stream()
			.filter((message) -> message.sentBy(this.mezonTestBot))
			.map(StoredMessage::text)
			.toList();
	}

	private void assertNoTokenIn(CapturedOutput output) {
		String token = this.socket.getClient().getToken();
		String refreshToken = this.socket.getClient().getRefreshToken();
		assertThat(output.getAll()).doesNotContain(token)
			.doesNotContain(refreshToken)
			.doesNotContain(MezonTestServer.TEST_ID_TOKEN)
			.doesNotContain("token=ey");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class BotApplication {

		@Bean
		Bot bot() {
			return new Bot();
		}

	}

	/** What an application writes: plain {@code @EventListener}s. */
	static class Bot {

		final List<MezonMessageReceivedEvent> received = new CopyOnWriteArrayList<>();

		final List<String> added = new CopyOnWriteArrayList<>();

		final List<String> states = new CopyOnWriteArrayList<>();

		@EventListener
		void echo(MezonMessageReceivedEvent event) {
			this.received.add(event);
			if (event.getText().equals("boom")) {
				throw new IllegalStateException("boom");
			}
			if (!event.getText().equals("ping")) {
				event.reply("echo: " + event.getText());
			}
		}

		@EventListener(condition = "#event.text == 'ping'")
		void ping(MezonMessageReceivedEvent event) {
			event.reply("pong");
		}

		@EventListener
		void added(MezonChannelAddedEvent event) {
			this.added.add(event.getChannelId());
		}

		@EventListener
		void state(MezonConnectionStateChangedEvent event) {
			this.states.add(event.getPreviousState() + "->" + event.getState());
		}

	}

}
