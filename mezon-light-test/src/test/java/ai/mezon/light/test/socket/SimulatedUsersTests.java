package ai.mezon.light.test.socket;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import ai.mezon.light.LightClient;
import ai.mezon.light.message.Attachment;
import ai.mezon.light.message.ChannelMessage;
import ai.mezon.light.message.Mention;
import ai.mezon.light.message.MessageAck;
import ai.mezon.light.message.MessageReference;
import ai.mezon.light.message.OutgoingMessage;
import ai.mezon.light.message.Reaction;
import ai.mezon.light.message.TypingIndicator;
import ai.mezon.light.test.StoredMessage;
import ai.mezon.light.test.TestChannel;
import ai.mezon.light.test.TestUser;
import ai.mezon.light.test.socket.SocketTestSupport.Connected;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The test kit in the SDK's terms: what simulated users send comes back as {@link StoredMessage}
 * and the SDK's records, and arrives at a real socket exactly so.
 */
class SimulatedUsersTests extends SocketTestBase {

	@Test
	void aSimulatedUserMentionsUsersWithUtf16Offsets() {
		TestUser alice = server.createUser("alice");
		TestUser bot = server.createUser("bot");
		TestUser carol = server.createUser("carol");
		TestChannel group = server.createGroup(alice, "mentions", bot, carol);
		Connected b = this.support.connect(bot);
		b.socket().joinGroupChannel(group.idString()).join();

		StoredMessage stored = server.sendAs(alice, group, "👋 hi @bot, ask @carol", bot, carol);

		// The emoji is two UTF-16 units: "@bot" starts at 6, not 5.
		assertThat(stored.mentions()).containsExactly(new Mention(bot.idString(), "bot", 6, 10),
				new Mention(carol.idString(), "carol", 16, 22));
		assertThat(stored.mentions()).extracting((mention) -> mention.textIn(stored.text()))
			.containsExactly("@bot", "@carol");
		assertThat(stored.mentions(bot)).isTrue();
		assertThat(stored.sentBy(alice)).isTrue();
		ChannelMessage received = b.events().nextMessage();
		assertThat(received.messageId()).isEqualTo(stored.messageId());
		assertThat(received.mentionsUser(bot.idString())).isTrue();
		assertThat(received.mentions()).isEqualTo(stored.mentions());
	}

	@Test
	void aMentionMissingFromTheTextIsRefused() {
		TestUser alice = server.createUser("alice");
		TestUser bot = server.createUser("bot");
		TestChannel dm = server.createDm(alice, bot);
		assertThatIllegalArgumentException().isThrownBy(() -> server.sendAs(alice, dm, "hello bot", bot))
			.withMessageContaining("'@bot' is not in the text");
		assertThat(server.messages(dm)).isEmpty();
	}

	@Test
	void anyOutgoingMessageCanBeSentAsAUserWithRepliesAndAttachments() {
		TestUser alice = server.createUser("alice");
		TestUser bot = server.createUser("bot");
		TestChannel dm = server.createDm(alice, bot);
		Connected b = this.support.connect(bot);
		b.socket().joinDMChannel(dm.idString()).join();
		MessageAck question = b.socket().sendDM(dm.idString(), "which file?").join();
		StoredMessage original = server.message(dm, question.messageId()).orElseThrow();
		assertThat(original.text()).isEqualTo("which file?");
		assertThat(original.rawContent()).isEqualTo("{\"t\":\"which file?\"}");

		Attachment file = Attachment.of("https://cdn.test/report.pdf", "report.pdf", "application/pdf", 1234);
		StoredMessage reply = server.sendAs(alice,
				OutgoingMessage.text(dm.idString(), "this one")
					.withAttachments(List.of(file))
					.withReferences(List.of(new MessageReference(original.messageId(), original.senderId(), "bot", "",
							"", original.rawContent(), false, MessageReference.REPLY))));

		assertThat(reply.attachments()).containsExactly(file);
		assertThat(reply.repliedTo()).isNotNull().satisfies((ref) -> {
			assertThat(ref.messageId()).isEqualTo(question.messageId());
			assertThat(ref.text()).isEqualTo("which file?");
		});
		ChannelMessage received = b.events().nextMessage();
		assertThat(received.repliedTo()).isEqualTo(reply.repliedTo());
		assertThat(received.attachments()).containsExactly(file);
		assertThat(server.messages(dm)).extracting(StoredMessage::messageId)
			.containsExactly(original.messageId(), reply.messageId());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> server.sendAs(alice, OutgoingMessage.text("1234567", "nowhere")))
			.withMessageContaining("no channel 1234567");
	}

	@Test
	void editsDeletionsReactionsAndTypingComeBackInTheSdksTerms() {
		TestUser alice = server.createUser("alice");
		TestUser bot = server.createUser("bot");
		TestChannel dm = server.createDm(alice, bot);
		String id = server.sendAs(alice, dm, "draft").messageId();

		StoredMessage edited = server.editAs(alice, dm, id, "final");
		assertThat(edited.edited()).isTrue();
		assertThat(edited.deleted()).isFalse();
		assertThat(edited.text()).isEqualTo("final");

		Reaction reaction = server.reactAs(bot, dm, id, "👍");
		assertThat(reaction.messageId()).isEqualTo(id);
		assertThat(reaction.senderId()).isEqualTo(bot.idString());
		assertThat(reaction.messageSenderId()).isEqualTo(alice.idString());
		assertThat(reaction.count()).isEqualTo(1);
		assertThat(server.reactionCounts(id)).containsExactly(java.util.Map.entry("👍", 1));
		assertThat(server.unreactAs(bot, dm, id, "👍").removed()).isTrue();
		assertThat(server.reactionCounts(id)).isEmpty();

		TypingIndicator typing = server.typingAs(alice, dm);
		assertThat(typing.senderId()).isEqualTo(alice.idString());
		assertThat(typing.channelId()).isEqualTo(dm.idString());

		StoredMessage deleted = server.deleteAs(alice, dm, id);
		assertThat(deleted.deleted()).isTrue();
		assertThat(deleted.text()).isEmpty();
		assertThat(server.message(dm, id)).contains(deleted);
	}

	@Test
	void resetFaultsSwitchesEveryFaultOff() {
		TestUser alice = server.createUser("alice");
		TestUser bot = server.createUser("bot");
		TestChannel dm = server.createDm(alice, bot);
		server.failRestCalls(503, 100);
		server.delayRestCalls(Duration.ofMinutes(1));
		server.refuseNextHandshakes(100);
		server.stopAnsweringPings(Duration.ofHours(1));
		server.delayAcks(Duration.ofHours(1));

		server.resetFaults();

		// REST answers at once and without errors, handshakes are accepted, acks are not held.
		LightClient client = LightClient.authenticate(server.authenticateConfig(bot.idString(), "bot"),
				server.clientOptions());
		assertThat(client.createDM(alice.idString()).channelId()).isEqualTo(dm.idString());
		Connected b = this.support.connect(bot);
		b.socket().joinDMChannel(dm.idString()).join();
		assertThat(b.socket().sendDM(dm.idString(), "acked").join().messageId()).isNotEmpty();
		assertThat(b.events().errors()).isEmpty();
	}

}
