package ai.mezon.light.test.socket;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.google.protobuf.ByteString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import ai.mezon.light.LightSocket;
import ai.mezon.light.MezonServerErrorException;
import ai.mezon.light.Subscription;
import ai.mezon.light.message.ChannelMessage;
import ai.mezon.light.message.ChannelType;
import ai.mezon.light.message.Mention;
import ai.mezon.light.message.MessageAck;
import ai.mezon.light.message.MessageDeletion;
import ai.mezon.light.message.MessageEdit;
import ai.mezon.light.message.MessageReference;
import ai.mezon.light.message.MessageText;
import ai.mezon.light.message.OutgoingMessage;
import ai.mezon.light.message.Reaction;
import ai.mezon.light.message.TypingIndicator;
import ai.mezon.light.proto.api.ChannelMessage.Builder;
import ai.mezon.light.proto.api.MessageMention;
import ai.mezon.light.proto.realtime.ChannelMessageRemove;
import ai.mezon.light.proto.realtime.ChannelMessageUpdate;
import ai.mezon.light.proto.realtime.Envelope;
import ai.mezon.light.test.ReceivedFrame;
import ai.mezon.light.test.RecordingSocketListener;
import ai.mezon.light.test.StoredMessage;
import ai.mezon.light.test.TestChannel;
import ai.mezon.light.test.TestUser;
import ai.mezon.light.test.socket.SocketTestSupport.Connected;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Edits, deletions, reactions, typing, replies and mentions between two SDK clients, in a DM and
 * in a group: what the other side sees, what the server keeps, and what it refuses.
 */
class LightSocketRichMessagingTests extends SocketTestBase {

	private static final AtomicInteger names = new AtomicInteger();

	@ParameterizedTest
	@EnumSource(ChannelType.class)
	void editReachesTheOtherSideOnlyAsAnEditAndStaysInHistory(ChannelType type) {
		Chat chat = chat(type);
		MessageAck sent = chat.send(chat.alice, OutgoingMessage.text(chat.channelId(), "draft"));
		assertThat(chat.bob.events().nextMessage().text()).isEqualTo("draft");

		MessageText text = MessageText.builder().text("final, ").mention(chat.bobUser.idString(), "@bob").build();
		MessageAck ack = chat.alice.socket()
			.editMessage(sent.messageId(), OutgoingMessage.of(chat.channelId(), text), type, true)
			.join();
		assertThat(ack.code()).isEqualTo(1);
		assertThat(ack.messageId()).isEqualTo(sent.messageId());

		MessageEdit edit = chat.bobRich.nextEdit();
		assertThat(edit.messageId()).isEqualTo(sent.messageId());
		assertThat(edit.channelId()).isEqualTo(chat.channelId());
		assertThat(edit.senderId()).isEqualTo(chat.aliceUser.idString());
		assertThat(edit.username()).isEqualTo(chat.aliceUser.username());
		assertThat(edit.channelType()).isEqualTo(type);
		assertThat(edit.text()).isEqualTo("final, @bob");
		assertThat(edit.mentions()).containsExactly(new Mention(chat.bobUser.idString(), "bob", 7, 11));
		assertThat(edit.hideEdited()).isTrue();
		// Not also a new message, on either side.
		assertThat(chat.bob.events().messages()).isEmpty();
		assertThat(chat.alice.events().messages()).isEmpty();

		ReceivedFrame frame = last(chat.aliceUser, Envelope.MessageCase.CHANNEL_MESSAGE_UPDATE);
		assertThat(frame.envelope().getChannelMessageUpdate().getMode()).isEqualTo(type.streamMode());
		assertThat(frame.envelope().getChannelMessageUpdate().getIsPublic()).isFalse();
		assertThat(frame.envelope().getChannelMessageUpdate().getClanId()).isZero();
		StoredMessage stored = server.message(chat.channel, sent.messageId()).orElseThrow();
		assertThat(stored.edited()).isTrue();
		assertThat(stored.rawContent()).isEqualTo("{\"t\":\"final, @bob\"}");
		assertThat(stored.text()).isEqualTo("final, @bob");
		assertThat(stored.hideEdited()).isTrue();
	}

	@ParameterizedTest
	@EnumSource(ChannelType.class)
	void deletionReachesTheOtherSideOnlyAsADeletionAndStaysInHistory(ChannelType type) {
		Chat chat = chat(type);
		MessageAck sent = chat.send(chat.alice, OutgoingMessage.text(chat.channelId(), "oops"));
		chat.bob.events().nextMessage();

		MessageAck ack = chat.alice.socket().deleteMessage(chat.channelId(), sent.messageId(), type).join();
		assertThat(ack.code()).isEqualTo(2);
		MessageDeletion deletion = chat.bobRich.nextDeletion();
		assertThat(deletion).isEqualTo(new MessageDeletion(chat.channelId(), sent.messageId(),
				chat.aliceUser.idString(), type, type.streamMode()));
		assertThat(chat.bob.events().messages()).isEmpty();
		StoredMessage stored = server.message(chat.channel, sent.messageId()).orElseThrow();
		assertThat(stored.deleted()).isTrue();
		assertThat(stored.rawContent()).isEmpty();

		// A deleted message can be neither edited nor deleted again.
		assertThatThrownBy(() -> chat.alice.socket()
			.editMessage(sent.messageId(), OutgoingMessage.text(chat.channelId(), "back"), type)
			.join())
			.cause()
			.isInstanceOfSatisfying(MezonServerErrorException.class,
					(ex) -> assertThat(ex.getServerMessage()).contains("deleted"));
		assertThatThrownBy(() -> chat.alice.socket().deleteMessage(chat.channelId(), sent.messageId(), type).join())
			.cause()
			.isInstanceOf(MezonServerErrorException.class);
	}

	@ParameterizedTest
	@EnumSource(ChannelType.class)
	void reactionAddAndRemoveReachTheAuthor(ChannelType type) {
		Chat chat = chat(type);
		MessageAck sent = chat.send(chat.alice, OutgoingMessage.text(chat.channelId(), "ship it?"));
		ChannelMessage received = chat.bob.events().nextMessage();

		Reaction added = chat.bob.socket().react(received, "👍").join();
		assertThat(added.count()).isEqualTo(1);
		assertThat(added.removed()).isFalse();
		assertThat(added.reactionId()).isNotEmpty();
		Reaction seen = chat.aliceRich.nextReaction();
		assertThat(seen.messageId()).isEqualTo(sent.messageId());
		assertThat(seen.channelId()).isEqualTo(chat.channelId());
		assertThat(seen.senderId()).isEqualTo(chat.bobUser.idString());
		assertThat(seen.senderName()).isEqualTo(chat.bobUser.username());
		assertThat(seen.messageSenderId()).isEqualTo(chat.aliceUser.idString());
		assertThat(seen.emoji()).isEqualTo("👍");
		assertThat(seen.removed()).isFalse();
		assertThat(seen.count()).isEqualTo(1);
		assertThat(seen.channelType()).isEqualTo(type);
		assertThat(server.reactionCounts(sent.messageId())).containsEntry("👍", 1);

		ReceivedFrame frame = last(chat.bobUser, Envelope.MessageCase.MESSAGE_REACTION_EVENT);
		assertThat(frame.envelope().getMessageReactionEvent().getMode()).isEqualTo(type.streamMode());
		assertThat(frame.envelope().getMessageReactionEvent().getIsPublic()).isFalse();
		assertThat(frame.envelope().getMessageReactionEvent().getClanId()).isZero();
		assertThat(frame.envelope().getMessageReactionEvent().getMessageSenderId()).isEqualTo(chat.aliceUser.id());
		assertThat(frame.envelope().getMessageReactionEvent().getAction()).isFalse();

		Reaction removed = chat.bob.socket().unreact(received, "👍").join();
		assertThat(removed.removed()).isTrue();
		assertThat(removed.count()).isZero();
		Reaction seenRemoved = chat.aliceRich.nextReaction();
		assertThat(seenRemoved.removed()).isTrue();
		assertThat(seenRemoved.count()).isZero();
		assertThat(last(chat.bobUser, Envelope.MessageCase.MESSAGE_REACTION_EVENT).envelope()
			.getMessageReactionEvent()
			.getAction()).isTrue();
		assertThat(server.reactionCounts(sent.messageId())).isEmpty();
		assertThat(chat.alice.events().messages()).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(ChannelType.class)
	void typingIndicatorReachesTheOtherSide(ChannelType type) {
		Chat chat = chat(type);
		assertThat(chat.alice.socket().sendTyping(chat.channelId(), type).join()).isTrue();
		TypingIndicator typing = chat.bobRich.nextTyping();
		assertThat(typing).isEqualTo(new TypingIndicator(chat.channelId(), chat.aliceUser.idString(),
				chat.aliceUser.username(), chat.aliceUser.username(), type, type.streamMode()));
		ReceivedFrame frame = last(chat.aliceUser, Envelope.MessageCase.MESSAGE_TYPING_EVENT);
		assertThat(frame.envelope().getMessageTypingEvent().getMode()).isEqualTo(type.streamMode());
		assertThat(frame.envelope().getMessageTypingEvent().getIsPublic()).isFalse();
		assertThat(chat.aliceRich.typing()).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(ChannelType.class)
	void replyPointsAtTheRepliedMessage(ChannelType type) {
		Chat chat = chat(type);
		chat.send(chat.alice, OutgoingMessage.text(chat.channelId(), "unrelated"));
		MessageAck question = chat.send(chat.alice, OutgoingMessage.text(chat.channelId(), "lunch?"));
		chat.bob.events().nextMessage();
		ChannelMessage received = chat.bob.events().nextMessage();
		assertThat(received.messageId()).isEqualTo(question.messageId());

		MessageAck answer = chat.send(chat.bob, OutgoingMessage.text(chat.channelId(), "yes").replyTo(received));
		ChannelMessage reply = chat.alice.events().nextMessage();
		assertThat(reply.messageId()).isEqualTo(answer.messageId());
		assertThat(reply.text()).isEqualTo("yes");
		MessageReference repliedTo = reply.repliedTo();
		assertThat(repliedTo).isNotNull();
		assertThat(repliedTo.messageId()).isEqualTo(question.messageId());
		assertThat(repliedTo.senderId()).isEqualTo(chat.aliceUser.idString());
		assertThat(repliedTo.username()).isEqualTo(chat.aliceUser.username());
		assertThat(repliedTo.text()).isEqualTo("lunch?");
		assertThat(repliedTo.isReply()).isTrue();
		assertThat(reply.references()).hasSize(1);

		ReceivedFrame frame = last(chat.bobUser, Envelope.MessageCase.CHANNEL_MESSAGE_SEND);
		assertThat(frame.envelope().getChannelMessageSend().getReferencesList()).singleElement().satisfies((ref) -> {
			assertThat(ref.getRefType()).isZero();
			assertThat(ref.getMessageRefId()).isEqualTo(Long.parseLong(question.messageId()));
			assertThat(ref.getMessageSenderId()).isEqualTo(chat.aliceUser.id());
			assertThat(ref.getContent()).isEqualTo("{\"t\":\"lunch?\"}");
		});
	}

	@ParameterizedTest
	@EnumSource(ChannelType.class)
	void mentionOffsetsCountUtf16UnitsSoAnEmojiCountsTwice(ChannelType type) {
		Chat chat = chat(type);
		MessageText text = MessageText.builder()
			.text("👋 hi ")
			.mention(chat.bobUser.idString(), "@bob")
			.text(" and ")
			.mention(chat.aliceUser.idString(), "alice", "@Alice W.")
			.build();
		chat.send(chat.alice, OutgoingMessage.of(chat.channelId(), text));

		ChannelMessage received = chat.bob.events().nextMessage();
		assertThat(received.text()).isEqualTo("👋 hi @bob and @Alice W.");
		// 👋 is one code point but two UTF-16 units: "@bob" starts at 6, not 5.
		assertThat(received.mentions()).containsExactly(new Mention(chat.bobUser.idString(), "bob", 6, 10),
				new Mention(chat.aliceUser.idString(), "alice", 15, 24));
		assertThat(received.mentions().get(0).textIn(received.text())).isEqualTo("@bob");
		assertThat(received.mentions().get(1).textIn(received.text())).isEqualTo("@Alice W.");
		assertThat(received.mentionsUser(chat.bobUser.idString())).isTrue();

		MessageMention wire = last(chat.aliceUser, Envelope.MessageCase.CHANNEL_MESSAGE_SEND).envelope()
			.getChannelMessageSend()
			.getMentions(0);
		assertThat(wire.getUserId()).isEqualTo(chat.bobUser.id());
		assertThat(wire.getS()).isEqualTo(6);
		assertThat(wire.getE()).isEqualTo(10);
	}

	@ParameterizedTest
	@EnumSource(ChannelType.class)
	void editingOrDeletingSomeoneElsesMessageIsRefused(ChannelType type) {
		Chat chat = chat(type);
		MessageAck sent = chat.send(chat.alice, OutgoingMessage.text(chat.channelId(), "mine"));
		chat.bob.events().nextMessage();

		assertThatThrownBy(() -> chat.bob.socket()
			.editMessage(sent.messageId(), OutgoingMessage.text(chat.channelId(), "yours now"), type)
			.join())
			.cause()
			.isInstanceOfSatisfying(MezonServerErrorException.class, (ex) -> {
				assertThat(ex.getCode()).isEqualTo(3);
				assertThat(ex.getServerMessage()).contains("only its author");
			});
		assertThatThrownBy(() -> chat.bob.socket().deleteMessage(chat.channelId(), sent.messageId(), type).join())
			.cause()
			.isInstanceOfSatisfying(MezonServerErrorException.class, (ex) -> assertThat(ex.getCode()).isEqualTo(3));
		assertThat(server.message(chat.channel, sent.messageId()).orElseThrow().code()).isZero();
		assertThat(chat.bob.socket().isConnected()).isTrue();
		// Alice saw nothing of it.
		chat.send(chat.bob, OutgoingMessage.text(chat.channelId(), "sorry"));
		assertThat(chat.alice.events().nextMessage().text()).isEqualTo("sorry");
		assertThat(chat.aliceRich.edits()).isEmpty();
		assertThat(chat.aliceRich.deletions()).isEmpty();
	}

	@Test
	void typingInALoopSendsOneFramePerChannelPerInterval() {
		TestUser alice = user("typist");
		TestUser bob = user("reader");
		TestChannel dm = server.createDm(alice, bob);
		TestChannel group = server.createGroup(alice, "typing", bob);
		Connected a = this.support.connect(alice,
				SocketTestSupport.fastOptions().typingInterval(Duration.ofHours(1)).build());
		Connected b = this.support.connect(bob);
		RecordingSocketListener bobRich = record(b.socket());
		join(a.socket(), dm);
		join(b.socket(), dm);
		join(a.socket(), group);

		int sent = 0;
		for (int i = 0; i < 50; i++) {
			if (a.socket().sendTyping(dm.idString(), ChannelType.DM).join()) {
				sent++;
			}
		}
		assertThat(sent).isEqualTo(1);
		// Another channel has its own allowance.
		assertThat(a.socket().sendTyping(group.idString(), ChannelType.GROUP).join()).isTrue();
		assertThat(a.socket().sendTyping(group.idString(), ChannelType.GROUP).join()).isFalse();

		List<ReceivedFrame> typingFrames = server.framesFrom(alice)
			.stream()
			.filter((frame) -> frame.kind() == Envelope.MessageCase.MESSAGE_TYPING_EVENT)
			.toList();
		assertThat(typingFrames).extracting((frame) -> frame.envelope().getMessageTypingEvent().getChannelId())
			.containsExactly(dm.id(), group.id());
		assertThat(bobRich.nextTyping().channelId()).isEqualTo(dm.idString());
		// Later events still flow, and no second indicator was queued behind them.
		server.sendAs(alice, dm, "done typing");
		assertThat(b.events().nextMessage().text()).isEqualTo("done typing");
		assertThat(bobRich.typing()).isEmpty();
	}

	@Test
	void channelEventsArriveInServerOrderAndHandlersCanUnsubscribe() {
		Chat chat = chat(ChannelType.DM);
		List<String> order = new CopyOnWriteArrayList<>();
		chat.bob.socket().onChannelMessage((message) -> order.add("message " + message.text()));
		Subscription edits = chat.bob.socket().onMessageEdited((edit) -> order.add("edit " + edit.text()));
		chat.bob.socket().onReaction((reaction) -> order.add("reaction " + reaction.emoji()));
		chat.bob.socket().onTyping((typing) -> order.add("typing"));
		chat.bob.socket().onMessageDeleted((deletion) -> order.add("deletion"));

		LightSocket alice = chat.alice.socket();
		alice.sendTyping(chat.channelId(), ChannelType.DM);
		MessageAck sent = alice.sendDM(chat.channelId(), "v1").join();
		alice.editMessage(sent.messageId(), OutgoingMessage.text(chat.channelId(), "v2"), ChannelType.DM);
		alice.react(chat.channelId(), sent.messageId(), chat.aliceUser.idString(), "🎉", ChannelType.DM);
		alice.deleteMessage(chat.channelId(), sent.messageId(), ChannelType.DM).join();
		SocketTestSupport.await("five events delivered", () -> order.size() >= 5);
		assertThat(order).containsExactly("typing", "message v1", "edit v2", "reaction 🎉", "deletion");

		edits.close();
		MessageAck second = alice.sendDM(chat.channelId(), "w1").join();
		alice.editMessage(second.messageId(), OutgoingMessage.text(chat.channelId(), "w2"), ChannelType.DM);
		alice.sendDM(chat.channelId(), "w3").join();
		// One lane per channel: once w3 is delivered, the edit before it was too.
		SocketTestSupport.await("w3 delivered", () -> order.contains("message w3"));
		assertThat(order.subList(5, order.size())).containsExactly("message w1", "message w3");
	}

	@Test
	void simulatedUsersEditDeleteReactAndType() {
		Chat chat = chat(ChannelType.GROUP);
		MessageAck own = chat.send(chat.bob, OutgoingMessage.text(chat.channelId(), "hello all"));
		StoredMessage injected = server.sendAs(chat.aliceUser, chat.channel, "first");
		assertThat(chat.bob.events().nextMessage().text()).isEqualTo("first");

		server.editAs(chat.aliceUser, chat.channel, injected.messageId(), "second");
		assertThat(chat.bobRich.nextEdit().text()).isEqualTo("second");
		server.reactAs(chat.aliceUser, chat.channel, own.messageId(), "❤️");
		assertThat(chat.bobRich.nextReaction().emoji()).isEqualTo("❤️");
		server.typingAs(chat.aliceUser, chat.channel);
		assertThat(chat.bobRich.nextTyping().senderId()).isEqualTo(chat.aliceUser.idString());
		server.deleteAs(chat.aliceUser, chat.channel, injected.messageId());
		assertThat(chat.bobRich.nextDeletion().messageId()).isEqualTo(injected.messageId());
		assertThatThrownBy(() -> server.editAs(chat.aliceUser, chat.channel, own.messageId(), "x"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("only its author");
		assertThat(server.messages(chat.channel)).extracting(StoredMessage::code)
			.containsExactly(0, 2);
	}

	@Test
	void dedicatedUpdateAndRemovePushesAndJsonListsAreUnderstood() {
		Chat chat = chat(ChannelType.DM);
		long channelId = chat.channel.id();
		server.pushTo(chat.bobUser, Envelope.newBuilder()
			.setChannelMessageUpdate(ChannelMessageUpdate.newBuilder()
				.setChannelId(channelId)
				.setMessageId(77)
				.setContent("{\"t\":\"hey @bob\"}")
				.addMentions(MessageMention.newBuilder().setUserId(chat.bobUser.id()).setUsername("bob").setS(4).setE(8))
				.setMode(ChannelType.DM.streamMode()))
			.build());
		MessageEdit edit = chat.bobRich.nextEdit();
		assertThat(edit.messageId()).isEqualTo("77");
		assertThat(edit.senderId()).isEmpty();
		assertThat(edit.mentions()).containsExactly(new Mention(chat.bobUser.idString(), "bob", 4, 8));

		server.pushTo(chat.bobUser, Envelope.newBuilder()
			.setChannelMessageRemove(ChannelMessageRemove.newBuilder()
				.setChannelId(channelId)
				.setMessageId(77)
				.setMode(ChannelType.DM.streamMode()))
			.build());
		assertThat(chat.bobRich.nextDeletion().messageId()).isEqualTo("77");

		// A server sending mentions and references as JSON rather than protobuf lists.
		Builder json = ai.mezon.light.proto.api.ChannelMessage.newBuilder()
			.setChannelId(channelId)
			.setMessageId(78)
			.setSenderId(chat.aliceUser.id())
			.setMode(ChannelType.DM.streamMode())
			.setContent("{\"t\":\"😀 @bob\"}")
			.setMentions(ByteString.copyFromUtf8("[{\"user_id\":\"" + chat.bobUser.id()
					+ "\",\"username\":\"bob\",\"s\":3,\"e\":7}]"))
			.setReferences(ByteString.copyFromUtf8("[{\"message_ref_id\":\"77\",\"ref_type\":0,"
					+ "\"message_sender_id\":" + chat.aliceUser.id() + ",\"content\":\"{\\\"t\\\":\\\"hi\\\"}\"}]"));
		server.pushTo(chat.bobUser, Envelope.newBuilder().setChannelMessage(json).build());
		ChannelMessage message = chat.bob.events().nextMessage();
		assertThat(message.mentions()).singleElement()
			.satisfies((mention) -> assertThat(mention.textIn(message.text())).isEqualTo("@bob"));
		assertThat(message.repliedTo()).isNotNull();
		assertThat(message.repliedTo().messageId()).isEqualTo("77");
		assertThat(message.repliedTo().text()).isEqualTo("hi");
		assertThat(chat.bob.events().errors()).isEmpty();
	}

	// Setup

	private Chat chat(ChannelType type) {
		TestUser alice = user("alice");
		TestUser bob = user("bob");
		TestChannel channel = (type == ChannelType.DM) ? server.createDm(alice, bob)
				: server.createGroup(alice, "rich", bob, user("carol"));
		Connected a = this.support.connect(alice);
		Connected b = this.support.connect(bob);
		join(a.socket(), channel);
		join(b.socket(), channel);
		return new Chat(channel, alice, bob, a, b, record(a.socket()), record(b.socket()));
	}

	private static TestUser user(String prefix) {
		return server.createUser(prefix + "-" + names.incrementAndGet());
	}

	private static void join(LightSocket socket, TestChannel channel) {
		if (channel.type() == ChannelType.DM) {
			socket.joinDMChannel(channel.idString()).join();
		}
		else {
			socket.joinGroupChannel(channel.idString()).join();
		}
	}

	private static RecordingSocketListener record(LightSocket socket) {
		RecordingSocketListener recorder = new RecordingSocketListener(SocketTestSupport.WAIT);
		socket.addListener(recorder);
		return recorder;
	}

	private static ReceivedFrame last(TestUser user, Envelope.MessageCase kind) {
		List<ReceivedFrame> frames = server.framesFrom(user).stream().filter((frame) -> frame.kind() == kind).toList();
		assertThat(frames).as("frames of kind " + kind).isNotEmpty();
		return frames.get(frames.size() - 1);
	}

	/** Two connected members of one channel, with what each receives. */
	private record Chat(TestChannel channel, TestUser aliceUser, TestUser bobUser, Connected alice, Connected bob,
			RecordingSocketListener aliceRich, RecordingSocketListener bobRich) {

		String channelId() {
			return this.channel.idString();
		}

		MessageAck send(Connected from, OutgoingMessage message) {
			return ((this.channel.type() == ChannelType.DM) ? from.socket().sendDM(message)
					: from.socket().sendGroup(message)).join();
		}

	}

}
