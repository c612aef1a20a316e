package ai.mezon.light.test.socket;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import ai.mezon.light.MezonServerErrorException;
import ai.mezon.light.message.Attachment;
import ai.mezon.light.message.ChannelAddedEvent;
import ai.mezon.light.message.ChannelMessage;
import ai.mezon.light.message.ChannelType;
import ai.mezon.light.message.MessageAck;
import ai.mezon.light.message.MessageContent;
import ai.mezon.light.message.OutgoingMessage;
import ai.mezon.light.proto.realtime.Envelope;
import ai.mezon.light.test.ReceivedFrame;
import ai.mezon.light.test.TestChannel;
import ai.mezon.light.test.TestUser;
import ai.mezon.light.test.socket.SocketTestSupport.Connected;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two or more SDK clients talking through the test server: DMs, groups, attachments, ordering,
 * membership, cid encodings, handler isolation and auto-join.
 */
class LightSocketMessagingTests extends SocketTestBase {

	@Test
	void dmBothWaysWithAttachments() {
		TestUser alice = server.createUser("alice");
		TestUser bob = server.createUser("bob");
		TestChannel dm = server.createDm(alice, bob);
		Connected a = this.support.connect(alice);
		Connected b = this.support.connect(bob);
		a.socket().joinDMChannel(dm.idString()).join();
		b.socket().joinDMChannel(dm.idString()).join();

		Attachment image = new Attachment("https://cdn.example/cat.png", "cat.png", "image/png", 1234, 64, 48, null, 0);
		MessageAck ack = a.socket()
			.sendDM(OutgoingMessage.text(dm.idString(), "hello bob").withAttachments(List.of(image)))
			.join();
		ChannelMessage received = b.events().nextMessage();
		assertThat(received.messageId()).isEqualTo(ack.messageId());
		assertThat(received.channelId()).isEqualTo(dm.idString());
		assertThat(received.senderId()).isEqualTo(alice.idString());
		assertThat(received.username()).isEqualTo("alice");
		assertThat(received.channelType()).isEqualTo(ChannelType.DM);
		assertThat(received.text()).isEqualTo("hello bob");
		assertThat(received.attachments()).containsExactly(image);
		assertThat(ack.channelId()).isEqualTo(dm.idString());
		assertThat(ack.persistent()).isTrue();

		b.socket().sendDM(OutgoingMessage.of(dm.idString(), MessageContent.ofJson("{\"t\":\"hi alice\",\"x\":1}"))).join();
		ChannelMessage reply = a.events().nextMessage();
		assertThat(reply.text()).isEqualTo("hi alice");
		assertThat(reply.content().get("x").asInt()).isEqualTo(1);
		// The sender's own connection does not get its message back.
		assertThat(a.events().messages()).isEmpty();
		assertThat(server.messages(dm)).hasSize(2);
	}

	@Test
	void groupMessagesReachEveryOtherMemberAndTheSendersOtherSession() {
		TestUser carol = server.createUser("carol");
		TestUser dave = server.createUser("dave");
		TestUser erin = server.createUser("erin");
		TestChannel group = server.createGroup(carol, "team", dave, erin);
		Connected c = this.support.connect(carol);
		Connected cSecond = this.support.connect(carol);
		Connected d = this.support.connect(dave);
		Connected e = this.support.connect(erin);
		for (Connected member : List.of(c, cSecond, d, e)) {
			member.socket().joinGroupChannel(group.idString()).join();
		}
		Attachment doc = Attachment.of("https://cdn.example/spec.pdf", "spec.pdf", "application/pdf", 99_000);
		c.socket().sendGroup(OutgoingMessage.text(group.idString(), "standup").withAttachments(List.of(doc))).join();
		for (Connected receiver : List.of(cSecond, d, e)) {
			ChannelMessage message = receiver.events().nextMessage();
			assertThat(message.text()).isEqualTo("standup");
			assertThat(message.channelType()).isEqualTo(ChannelType.GROUP);
			assertThat(message.attachments()).containsExactly(doc);
		}
		// Groups send mode 3 and no code; hideLink travels in mention_everyone.
		d.socket().sendGroup(OutgoingMessage.text(group.idString(), "ok").withHideLink(true)).join();
		ReceivedFrame sent = last(server.framesFrom(dave), Envelope.MessageCase.CHANNEL_MESSAGE_SEND);
		assertThat(sent.envelope().getChannelMessageSend().getMode()).isEqualTo(3);
		assertThat(sent.envelope().getChannelMessageSend().getMentionEveryone()).isTrue();
		assertThat(c.events().nextMessage().text()).isEqualTo("ok");
	}

	@Test
	void thousandMessagesOnOneChannelArriveInOrder() {
		TestUser sender = server.createUser("sender");
		TestUser receiver = server.createUser("receiver");
		TestChannel dm = server.createDm(sender, receiver);
		// A burst: the send throttle (80 a second by default) is off for it.
		Connected s = this.support.connect(sender, SocketTestSupport.fastOptions().sendRate(0).build());
		Connected r = this.support.connect(receiver);
		s.socket().joinDMChannel(dm.idString()).join();
		r.socket().joinDMChannel(dm.idString()).join();
		List<CompletableFuture<MessageAck>> acks = new java.util.ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			acks.add(s.socket().sendDM(dm.idString(), "m" + i));
		}
		CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
		List<ChannelMessage> received = r.events().nextMessages(1000);
		for (int i = 0; i < 1000; i++) {
			assertThat(received.get(i).text()).isEqualTo("m" + i);
		}
		// cids are 1, 2, 3... per connection.
		List<String> cids = server.framesFrom(sender).stream().map(ReceivedFrame::cid).toList();
		assertThat(cids.subList(0, 5)).containsExactly("1", "2", "3", "4", "5");
	}

	@Test
	void joiningAChannelOfOthersIsRefused() {
		TestUser owner = server.createUser("owner");
		TestUser friend = server.createUser("friend");
		TestUser stranger = server.createUser("stranger");
		TestChannel dm = server.createDm(owner, friend);
		Connected x = this.support.connect(stranger);
		assertThatThrownBy(() -> x.socket().joinDMChannel(dm.idString()).join())
			.isInstanceOf(CompletionException.class)
			.cause()
			.isInstanceOfSatisfying(MezonServerErrorException.class, (ex) -> {
				assertThat(ex.getCode()).isEqualTo(3);
				assertThat(ex.getServerMessage()).contains("not a member");
			});
		assertThat(x.socket().getJoinedChannels()).isEmpty();
		assertThat(x.socket().isConnected()).isTrue();
		assertThatThrownBy(() -> x.socket().sendDM(dm.idString(), "sneaky").join())
			.cause()
			.isInstanceOf(MezonServerErrorException.class);
	}

	@Test
	void legacyAndInt32ClientsShareADm() {
		TestUser old = server.createUser("legacy");
		TestUser current = server.createUser("current");
		TestChannel dm = server.createDm(old, current);
		Connected l = this.support.connect(old, SocketTestSupport.fastOptions().legacyCid(true).build());
		Connected c = this.support.connect(current);
		l.socket().joinDMChannel(dm.idString()).join();
		c.socket().joinDMChannel(dm.idString()).join();
		l.socket().sendDM(dm.idString(), "from the past").join();
		assertThat(c.events().nextMessage().text()).isEqualTo("from the past");
		c.socket().sendDM(dm.idString(), "from the present").join();
		assertThat(l.events().nextMessage().text()).isEqualTo("from the present");
		assertThat(server.framesFrom(old)).isNotEmpty().allMatch(ReceivedFrame::legacyCid);
		assertThat(server.framesFrom(current)).isNotEmpty().noneMatch(ReceivedFrame::legacyCid);
	}

	@Test
	void throwingHandlerDoesNotStopOthersOrTheConnection() {
		TestUser alice = server.createUser("isolation-a");
		TestUser bob = server.createUser("isolation-b");
		TestChannel dm = server.createDm(alice, bob);
		Connected b = this.support.connect(bob);
		AtomicInteger calls = new AtomicInteger();
		b.socket().onChannelMessage((message) -> {
			calls.incrementAndGet();
			throw new IllegalStateException("handler bug");
		});
		List<Throwable> handlerErrors = new java.util.concurrent.CopyOnWriteArrayList<>();
		b.socket().setErrorHandler(handlerErrors::add);
		b.socket().joinDMChannel(dm.idString()).join();
		server.sendAs(alice, dm, "one");
		server.sendAs(alice, dm, "two");
		assertThat(b.events().nextMessages(2)).extracting(ChannelMessage::text).containsExactly("one", "two");
		SocketTestSupport.await("both handler failures reported", () -> handlerErrors.size() == 2);
		assertThat(calls).hasValue(2);
		assertThat(handlerErrors.get(0)).hasMessageContaining("handler bug");
		// The listeners hear of them on the control lane, after the error handler.
		SocketTestSupport.await("both failures reach the listeners", () -> b.events().errors().size() == 2);
		assertThat(b.socket().isConnected()).isTrue();
	}

	@Test
	void unsubscribedHandlerIsNoLongerCalled() {
		TestUser alice = server.createUser("unsub-a");
		TestUser bob = server.createUser("unsub-b");
		TestChannel dm = server.createDm(alice, bob);
		Connected b = this.support.connect(bob);
		AtomicInteger calls = new AtomicInteger();
		var subscription = b.socket().onChannelMessage((message) -> calls.incrementAndGet());
		b.socket().joinDMChannel(dm.idString()).join();
		server.sendAs(alice, dm, "counted");
		b.events().nextMessage();
		SocketTestSupport.await("handler called", () -> calls.get() == 1);
		subscription.close();
		server.sendAs(alice, dm, "not counted");
		b.events().nextMessage();
		assertThat(calls).hasValue(1);
	}

	@Test
	void autoJoinsChannelsThisUserIsAddedTo() {
		TestUser creator = server.createUser("creator");
		TestUser invited = server.createUser("invited");
		Connected i = this.support.connect(invited);
		Connected c = this.support.connect(creator);
		TestChannel dm = server.createDm(creator, invited);
		ChannelAddedEvent event = i.events().nextChannelAdded();
		assertThat(event.channelId()).isEqualTo(dm.idString());
		assertThat(event.channelType()).isEqualTo(ChannelType.DM);
		assertThat(event.addedUserIds()).containsExactly(invited.idString());
		assertThat(event.joined()).isTrue();
		assertThat(i.socket().getJoinedChannels()).containsExactly(dm.idString());
		// The creator is not among the added users, so it does not auto-join.
		assertThat(c.events().nextChannelAdded().joined()).isFalse();
		c.socket().joinDMChannel(dm.idString()).join();
		c.socket().sendDM(dm.idString(), "welcome").join();
		assertThat(i.events().nextMessage().text()).isEqualTo("welcome");
	}

	@Test
	void leavingStopsDelivery() {
		TestUser alice = server.createUser("leave-a");
		TestUser bob = server.createUser("leave-b");
		TestChannel dm = server.createDm(alice, bob);
		Connected b = this.support.connect(bob);
		b.socket().joinDMChannel(dm.idString()).join();
		b.socket().leaveDMChannel(dm.idString()).join();
		assertThat(b.socket().getJoinedChannels()).isEmpty();
		server.sendAs(alice, dm, "unheard");
		b.socket().joinDMChannel(dm.idString()).join();
		server.sendAs(alice, dm, "heard");
		assertThat(b.events().nextMessage().text()).isEqualTo("heard");
	}

	private static ReceivedFrame last(List<ReceivedFrame> frames, Envelope.MessageCase kind) {
		return frames.stream().filter((frame) -> frame.kind() == kind).reduce((first, second) -> second).orElseThrow();
	}

}
