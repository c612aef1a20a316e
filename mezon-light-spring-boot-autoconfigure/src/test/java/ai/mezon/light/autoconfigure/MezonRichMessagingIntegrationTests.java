package ai.mezon.light.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

import ai.mezon.light.ClientInitConfig;
import ai.mezon.light.LightClient;
import ai.mezon.light.LightSocket;
import ai.mezon.light.message.ChannelType;
import ai.mezon.light.message.MessageAck;
import ai.mezon.light.message.MessageReference;
import ai.mezon.light.message.OutgoingMessage;
import ai.mezon.light.message.Reaction;
import ai.mezon.light.spring.MezonChannelEvent;
import ai.mezon.light.spring.MezonMessageDeletedEvent;
import ai.mezon.light.spring.MezonMessageEditedEvent;
import ai.mezon.light.spring.MezonMessageReceivedEvent;
import ai.mezon.light.spring.MezonReactionEvent;
import ai.mezon.light.spring.MezonTemplate;
import ai.mezon.light.spring.MezonTypingEvent;
import ai.mezon.light.test.ImportMezonTestServer;
import ai.mezon.light.test.MezonTestServer;
import ai.mezon.light.test.StoredMessage;
import ai.mezon.light.test.TestChannel;
import ai.mezon.light.test.TestUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Rich messaging in a bot built from the auto-configuration: edits, deletions, reactions and
 * typing of simulated users reach {@code @EventListener}s, and the bot quotes, reacts, edits and
 * deletes through its events and {@link MezonTemplate}. The typing interval is set to an hour so
 * the rate limit is certain within one test.
 */
@SpringBootTest(properties = { "mezon.socket.heartbeat-interval=2s", "mezon.socket.connect-timeout=3s",
		"mezon.socket.request-timeout=3s", "mezon.socket.typing-interval=1h" })
@ImportMezonTestServer
class MezonRichMessagingIntegrationTests {

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

	private TestUser alice;

	private TestChannel dm;

	@BeforeEach
	void openDm() {
		this.alice = this.server.createUser("alice");
		this.dm = this.server.createDm(this.alice, this.mezonTestBot);
		await().atMost(WAIT).until(() -> this.socket.getJoinedChannels().contains(this.dm.idString()));
	}

	@Test
	void editsAndDeletionsOfAUserArePublished() {
		String id = this.server.sendAs(this.alice, this.dm, "first draft").messageId();
		this.server.editAs(this.alice, this.dm, id, "second draft");
		this.server.deleteAs(this.alice, this.dm, id);

		await().atMost(WAIT).until(() -> deletedIds().contains(id));
		assertThat(this.bot.edited).filteredOn((event) -> event.getMessageId().equals(id))
			.singleElement()
			.satisfies((event) -> {
				assertThat(event.getText()).isEqualTo("second draft");
				assertThat(event.getSenderId()).isEqualTo(this.alice.idString());
				assertThat(event.getChannelId()).isEqualTo(this.dm.idString());
				assertThat(event.isFromSelf()).isFalse();
			});
		assertThat(this.bot.deleted).filteredOn((event) -> event.getMessageId().equals(id))
			.singleElement()
			.satisfies((event) -> assertThat(event.getSenderId()).isEqualTo(this.alice.idString()));
		// Edits and deletions have their own events, never a second "received" one.
		assertThat(this.bot.received).noneMatch((event) -> event.getText().equals("second draft"));
	}

	@Test
	void oneListenerOfTheBaseTypeSeesEveryKindInChannelOrder() {
		String id = this.server.sendAs(this.alice, this.dm, "everything").messageId();
		this.server.editAs(this.alice, this.dm, id, "everything, edited");
		this.server.reactAs(this.alice, this.dm, id, "👀");
		this.server.typingAs(this.alice, this.dm);
		this.server.deleteAs(this.alice, this.dm, id);

		await().atMost(WAIT).until(() -> this.bot.all.stream()
			.anyMatch((event) -> event instanceof MezonMessageDeletedEvent deleted
					&& deleted.getMessageId().equals(id)));
		assertThat(this.bot.all).filteredOn((event) -> event.getChannelId().equals(this.dm.idString()))
			.filteredOn((event) -> event.getSenderId().equals(this.alice.idString()))
			.map((event) -> event.getClass().getSimpleName())
			.containsSubsequence("MezonMessageReceivedEvent", "MezonMessageEditedEvent", "MezonReactionEvent",
					"MezonTypingEvent", "MezonMessageDeletedEvent");
	}

	@Test
	void reactionsAndTypingOfAUserArePublished() {
		String id = this.server.sendAs(this.alice, this.dm, "react to me").messageId();
		this.server.reactAs(this.alice, this.dm, id, "🎉");
		this.server.unreactAs(this.alice, this.dm, id, "🎉");
		this.server.typingAs(this.alice, this.dm);

		await().atMost(WAIT).until(() -> typingSenders().contains(this.alice.idString()));
		// One channel, delivered in order: both reactions came before the typing indicator.
		assertThat(this.bot.reactions).filteredOn((event) -> event.getMessageId().equals(id))
			.extracting(MezonReactionEvent::getEmoji, MezonReactionEvent::isRemoved, MezonReactionEvent::getSenderId)
			.containsExactly(tuple("🎉", false, this.alice.idString()),
					tuple("🎉", true, this.alice.idString()));
		assertThat(this.bot.typing).anySatisfy((event) -> {
			assertThat(event.getChannelId()).isEqualTo(this.dm.idString());
			assertThat(event.isFromSelf()).isFalse();
		});
	}

	@Test
	void ownReactionsAndTypingFromAnotherSessionAreNotPublished() {
		String id = this.server.sendAs(this.alice, this.dm, "mine too").messageId();
		LightClient otherSession = LightClient
			.initClient(ClientInitConfig.from(this.server.issueSession(this.mezonTestBot)));
		try (LightSocket other = otherSession.createSocket()) {
			other.connect().join();
			other.joinDMChannel(this.dm.idString()).join();
			other.react(this.dm.idString(), id, this.alice.idString(), "👀", ChannelType.DM).join();
			other.sendTyping(this.dm.idString(), ChannelType.DM).join();
			// A marker after them on the same channel: once it is in, they were delivered or dropped.
			this.server.typingAs(this.alice, this.dm);
			await().atMost(WAIT).until(() -> typingSenders().contains(this.alice.idString()));
		}
		assertThat(this.bot.reactions).noneMatch((event) -> event.getEmoji().equals("👀"));
		assertThat(typingSenders()).doesNotContain(this.mezonTestBot.idString());
	}

	@Test
	void replyQuotingReferencesTheOriginal() {
		String original = this.server.sendAs(this.alice, this.dm, "quote me").messageId();

		await().atMost(WAIT).until(() -> botMessage("quoted") != null);
		MessageReference ref = botMessage("quoted").repliedTo();
		assertThat(ref).isNotNull();
		assertThat(ref.messageId()).isEqualTo(original);
		assertThat(ref.senderId()).isEqualTo(this.alice.idString());
		assertThat(ref.text()).isEqualTo("quote me");
	}

	@Test
	void aMentionOfTheBotIsSeenAndAnsweredWithAReaction() {
		// A simulated user's mention, with its UTF-16 offsets, as a Mezon client sends it.
		String mentioned = this.server.sendAs(this.alice, this.dm, "hey @bot what's up", this.mezonTestBot).messageId();
		this.server.sendAs(this.alice, this.dm, "no mention here");

		await().atMost(WAIT).until(() -> this.server.reactionCounts(mentioned).containsKey("👋"));
		await().atMost(WAIT).until(() -> receivedTexts().contains("no mention here"));
		assertThat(this.bot.received).filteredOn(MezonMessageReceivedEvent::isMentioningMe)
			.extracting(MezonMessageReceivedEvent::getText)
			.containsExactly("hey @bot what's up");
	}

	@Test
	void templateEditsDeletesReactsAndTypes() {
		String channel = this.dm.idString();
		MessageAck sent = this.template.sendDM(channel, "draft").join();
		String id = sent.messageId();

		this.template.edit(sent.messageId(), OutgoingMessage.text(channel, "final"), ChannelType.DM).join();
		assertThat(this.server.message(this.dm, id)).hasValueSatisfying((message) -> {
			assertThat(message.edited()).isTrue();
			assertThat(message.text()).isEqualTo("final");
		});
		this.template.delete(channel, sent.messageId(), ChannelType.DM).join();
		assertThat(this.server.message(this.dm, id)).hasValueSatisfying(
				(message) -> assertThat(message.deleted()).isTrue());

		String aliceMessage = this.server.sendAs(this.alice, this.dm, "nice").messageId();
		Reaction reaction = this.template
			.react(channel, aliceMessage, this.alice.idString(), "👍", ChannelType.DM)
			.join();
		assertThat(reaction.removed()).isFalse();
		assertThat(this.server.reactionCounts(aliceMessage)).containsEntry("👍", 1);
		this.template.unreact(channel, aliceMessage, this.alice.idString(), "👍", ChannelType.DM)
			.join();
		assertThat(this.server.reactionCounts(aliceMessage)).doesNotContainKey("👍");

		// mezon.socket.typing-interval=1h: the second indicator on the channel is held back.
		assertThat(this.template.sendTyping(channel, ChannelType.DM).join()).isTrue();
		assertThat(this.template.sendTyping(channel, ChannelType.DM).join()).isFalse();

		for (String operation : List.of("send", "edit", "delete", "react", "unreact")) {
			assertThat(this.meters.get("mezon.messages.sent")
				.tags("operation", operation, "outcome", "success", "channel.type", "dm")
				.counter()
				.count()).as(operation).isGreaterThanOrEqualTo(1);
		}
	}

	private List<String> deletedIds() {
		return this.bot.deleted.stream().map(MezonMessageDeletedEvent::getMessageId).toList();
	}

	private List<String> typingSenders() {
		return this.bot.typing.stream().map(MezonTypingEvent::getSenderId).toList();
	}

	private List<String> receivedTexts() {
		return this.bot.received.stream().map(MezonMessageReceivedEvent::getText).toList();
	}

	private StoredMessage botMessage(String text) {
		return this.server.messages(this.dm)
			.stream()
			.filter((message) -> message.sentBy(this.mezonTestBot))
			.filter((message) -> message.text().contains(text))
			.findFirst()
			.orElse(null);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class BotApplication {

		@Bean
		Bot bot() {
			return new Bot();
		}

	}

	/** What an application writes: one {@code @EventListener} per event kind. */
	static class Bot {

		final List<MezonMessageReceivedEvent> received = new CopyOnWriteArrayList<>();

		final List<MezonMessageEditedEvent> edited = new CopyOnWriteArrayList<>();

		final List<MezonMessageDeletedEvent> deleted = new CopyOnWriteArrayList<>();

		final List<MezonReactionEvent> reactions = new CopyOnWriteArrayList<>();

		final List<MezonTypingEvent> typing = new CopyOnWriteArrayList<>();

		final List<MezonChannelEvent> all = new CopyOnWriteArrayList<>();

		@EventListener
		void any(MezonChannelEvent event) {
			this.all.add(event);
		}

		@EventListener
		void received(MezonMessageReceivedEvent event) {
			this.received.add(event);
			if (event.getText().equals("quote me")) {
				event.replyQuoting("quoted");
			}
		}

		@EventListener(condition = "#event.mentioningMe")
		void mentioned(MezonMessageReceivedEvent event) {
			event.react("👋");
		}

		@EventListener
		void edited(MezonMessageEditedEvent event) {
			this.edited.add(event);
		}

		@EventListener
		void deleted(MezonMessageDeletedEvent event) {
			this.deleted.add(event);
		}

		@EventListener
		void reaction(MezonReactionEvent event) {
			this.reactions.add(event);
		}

		@EventListener
		void typing(MezonTypingEvent event) {
			this.typing.add(event);
		}

	}

}
