package ai.mezon.light.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

import ai.mezon.light.LightSocket;
import ai.mezon.light.message.ChannelType;
import ai.mezon.light.message.MessageDeletion;
import ai.mezon.light.message.OutgoingMessage;
import ai.mezon.light.message.TypingIndicator;
import ai.mezon.light.spring.MezonChannelEvent;
import ai.mezon.light.spring.MezonMessageDeletedEvent;
import ai.mezon.light.spring.MezonMessageEditedEvent;
import ai.mezon.light.spring.MezonMessageReceivedEvent;
import ai.mezon.light.spring.MezonReactionEvent;
import ai.mezon.light.spring.MezonTemplate;
import ai.mezon.light.spring.MezonTypingEvent;
import ai.mezon.light.test.ImportMezonTestServer;
import ai.mezon.light.test.MezonTestServer;
import ai.mezon.light.test.TestChannel;
import ai.mezon.light.test.TestUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Every channel event can be answered where it happened, in its mode: one listener of
 * {@link MezonChannelEvent} replies to edits, deletions, reactions and typing in a DM and in a
 * group (the server refuses a message sent in the wrong mode), reacts back to edits and
 * reactions, and shows itself typing.
 */
@SpringBootTest(properties = { "mezon.socket.heartbeat-interval=2s", "mezon.socket.connect-timeout=3s",
		"mezon.socket.request-timeout=3s" })
@ImportMezonTestServer
class MezonChannelEventAnswerIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@Autowired
	private MezonTestServer server;

	@Autowired
	private TestUser mezonTestBot;

	@Autowired
	private LightSocket socket;

	@Autowired
	private Answerer answerer;

	@Autowired
	private MezonTemplate template;

	private TestUser alice;

	@BeforeEach
	void alice() {
		this.alice = this.server.createUser("alice");
	}

	@Test
	void everyKindIsAnsweredInADm() {
		TestChannel dm = this.server.createDm(this.alice, this.mezonTestBot);
		answerEveryKindIn(dm);
	}

	@Test
	void everyKindIsAnsweredInAGroup() {
		TestChannel group = this.server.createGroup(this.alice, "answers", this.mezonTestBot);
		answerEveryKindIn(group);
	}

	@Test
	void anEventOfAnotherChannelOrOfAnUnknownModeCannotBeAnswered() {
		MezonMessageDeletedEvent unknownMode = new MezonMessageDeletedEvent(this.template,
				new MessageDeletion("1", "2", "3", null, 2), false);
		assertThat(unknownMode.getChannelType()).isNull();
		assertThat(unknownMode.isDirect()).isFalse();
		assertThatExceptionOfType(Exception.class).isThrownBy(() -> unknownMode.reply("no").join())
			.havingRootCause()
			.isInstanceOf(IllegalStateException.class)
			.withMessageContaining("channel 1");
		assertThatExceptionOfType(Exception.class).isThrownBy(() -> unknownMode.sendTyping().join())
			.havingRootCause()
			.isInstanceOf(IllegalStateException.class);

		MezonTypingEvent typing = new MezonTypingEvent(this.template,
				new TypingIndicator("1", "3", "alice", "Alice", ChannelType.DM, ChannelType.DM.streamMode()), false);
		assertThat(typing.isDirect()).isTrue();
		assertThatExceptionOfType(Exception.class)
			.isThrownBy(() -> typing.reply(OutgoingMessage.text("99", "elsewhere")).join())
			.havingRootCause()
			.isInstanceOf(IllegalArgumentException.class)
			.withMessageContaining("99");
	}

	private void answerEveryKindIn(TestChannel channel) {
		String channelId = channel.idString();
		await().atMost(WAIT).until(() -> this.socket.getJoinedChannels().contains(channelId));
		String id = this.server.sendAs(this.alice, channel, "hello").messageId();
		this.server.editAs(this.alice, channel, id, "hello, edited");
		await().atMost(WAIT).until(() -> botTexts(channel).contains("seen MezonMessageEditedEvent"));
		this.server.reactAs(this.alice, channel, id, "🎉");
		await().atMost(WAIT).until(() -> botTexts(channel).contains("seen MezonReactionEvent"));
		// Reacted back to the edited message (👀) and joined the reaction (🎉 counted twice).
		await().atMost(WAIT).until(() -> this.server.reactionCounts(id).getOrDefault("👀", 0) == 1
				&& this.server.reactionCounts(id).getOrDefault("🎉", 0) == 2);
		this.server.typingAs(this.alice, channel);
		await().atMost(WAIT).until(() -> botTexts(channel).contains("seen MezonTypingEvent"));
		this.server.deleteAs(this.alice, channel, id);
		await().atMost(WAIT).until(() -> botTexts(channel).contains("seen MezonMessageDeletedEvent"));
		await().atMost(WAIT).until(() -> Boolean.TRUE.equals(this.answerer.typingShown.get(channelId)));
		assertThat(this.answerer.failures).isEmpty();
	}

	private List<String> botTexts(TestChannel channel) {
		return this.server.messages(channel)
			.stream()
			.filter((message) -> message.senderId().equals(this.mezonTestBot.idString()))
			.map((message) -> message.text())
			.toList();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class BotApplication {

		@Bean
		Answerer answerer() {
			return new Answerer();
		}

	}

	/** Answers every event but new messages, whatever its kind, with the base type's helpers. */
	static class Answerer {

		final List<Throwable> failures = new CopyOnWriteArrayList<>();

		final Map<String, Boolean> typingShown = new ConcurrentHashMap<>();

		@EventListener
		void answer(MezonChannelEvent event) {
			if (event instanceof MezonMessageReceivedEvent) {
				return;
			}
			record(event.reply("seen " + event.getClass().getSimpleName()));
			if (event instanceof MezonMessageEditedEvent edited) {
				record(edited.react("👀"));
			}
			if (event instanceof MezonReactionEvent reaction && !reaction.isRemoved()) {
				record(reaction.react(reaction.getEmoji()));
			}
			if (event instanceof MezonTypingEvent) {
				event.sendTyping().whenComplete((shown, ex) -> {
					if (ex != null) {
						this.failures.add(ex);
					}
					else {
						this.typingShown.put(event.getChannelId(), shown);
					}
				});
			}
		}

		private void record(java.util.concurrent.CompletableFuture<?> answer) {
			answer.whenComplete((ignored, ex) -> {
				if (ex != null) {
					this.failures.add(ex);
				}
			});
		}

	}

}
