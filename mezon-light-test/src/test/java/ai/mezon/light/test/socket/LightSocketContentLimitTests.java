package ai.mezon.light.test.socket;

import org.junit.jupiter.api.Test;

import ai.mezon.light.MezonContentTooLongException;
import ai.mezon.light.MezonInvalidContentException;
import ai.mezon.light.message.ChannelMessage;
import ai.mezon.light.message.ChannelType;
import ai.mezon.light.message.MessageAck;
import ai.mezon.light.message.MessageContent;
import ai.mezon.light.message.OutgoingMessage;
import ai.mezon.light.proto.realtime.Envelope;
import ai.mezon.light.test.TestChannel;
import ai.mezon.light.test.TestUser;
import ai.mezon.light.test.socket.SocketTestSupport.Connected;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Mezon's 4,000-unit content limit and the lone-surrogate check, end to end: refused content
 * never reaches the server; content at the limit arrives intact.
 */
class LightSocketContentLimitTests extends SocketTestBase {

	@Test
	void contentOverTheLimitFailsAtOnceAndNothingIsSent() {
		TestUser alice = server.createUser("alice");
		TestUser bob = server.createUser("bob");
		TestChannel dm = server.createDm(alice, bob);
		TestChannel group = server.createGroup(alice, "team", bob);
		Connected a = this.support.connect(alice);
		a.socket().joinDMChannel(dm.idString()).join();
		a.socket().joinGroupChannel(group.idString()).join();
		MessageAck first = a.socket().sendDM(dm.idString(), "short").join();
		int framesBefore = server.framesFrom(alice).size();

		String fiveMegabytes = "x".repeat(5 * 1024 * 1024);
		assertThatExceptionOfType(MezonContentTooLongException.class)
			.isThrownBy(() -> a.socket().sendDM(dm.idString(), fiveMegabytes))
			.withMessageContaining("Mezon accepts at most 4000");
		assertThatExceptionOfType(MezonContentTooLongException.class)
			.isThrownBy(() -> a.socket().sendGroup(group.idString(), "y".repeat(3993)));
		assertThatExceptionOfType(MezonContentTooLongException.class)
			.isThrownBy(() -> a.socket()
				.editMessage(first.messageId(), OutgoingMessage.text(dm.idString(), "z".repeat(4000)), ChannelType.DM));
		assertThatExceptionOfType(MezonInvalidContentException.class)
			.isThrownBy(() -> a.socket().sendDM(dm.idString(), "half an emoji \uD83D"));

		// A later send proves the link went on, and no refused request went out before it.
		a.socket().sendDM(dm.idString(), "after").join();
		assertThat(server.framesFrom(alice).subList(framesBefore, server.framesFrom(alice).size()))
			.extracting((frame) -> frame.kind())
			.filteredOn((kind) -> kind != Envelope.MessageCase.PING)
			.containsExactly(Envelope.MessageCase.CHANNEL_MESSAGE_SEND);
		assertThat(server.messages(dm)).hasSize(2);
		assertThat(server.messages(group)).isEmpty();
	}

	@Test
	void contentOfExactlyTheLimitArrivesUnchanged() {
		TestUser carol = server.createUser("carol");
		TestUser dave = server.createUser("dave");
		TestChannel dm = server.createDm(carol, dave);
		Connected c = this.support.connect(carol);
		Connected d = this.support.connect(dave);
		c.socket().joinDMChannel(dm.idString()).join();
		d.socket().joinDMChannel(dm.idString()).join();
		// {"t":"..."} around 3,990 units of text, two of them an emoji: 4,000 in all.
		String text = "a".repeat(3990) + "\uD83D\uDE00";
		assertThat(MessageContent.text(text).json()).hasSize(MessageContent.MAX_LENGTH);

		c.socket().sendDM(dm.idString(), text).join();
		ChannelMessage received = d.events().nextMessage();
		assertThat(received.text()).isEqualTo(text);
	}

}
