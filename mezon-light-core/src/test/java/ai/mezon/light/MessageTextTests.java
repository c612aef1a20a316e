package ai.mezon.light;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

import ai.mezon.light.message.ChannelMessage;
import ai.mezon.light.message.ChannelType;
import ai.mezon.light.message.Mention;
import ai.mezon.light.message.MessageContent;
import ai.mezon.light.message.MessageReference;
import ai.mezon.light.message.MessageText;
import ai.mezon.light.message.OutgoingMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MessageTextTests {

	@Test
	void offsetsOfPlainAsciiText() {
		MessageText text = MessageText.builder().text("hi ").mention("42", "@alice").text("!").build();
		assertThat(text.text()).isEqualTo("hi @alice!");
		assertThat(text.mentions()).containsExactly(new Mention("42", "alice", 3, 9));
	}

	@Test
	void offsetsAreUtf16UnitsNotCodePoints() {
		// 👋 (U+1F44B) is one code point, two UTF-16 units; é precomposed is one of each.
		MessageText text = MessageText.builder().text("👋é ").mention("7", "@bob").build();
		Mention mention = text.mentions().get(0);
		assertThat(mention.start()).isEqualTo(4);
		assertThat(mention.end()).isEqualTo(8);
		assertThat(text.text().codePointCount(0, mention.start())).isEqualTo(3);
		assertThat(mention.textIn(text.text())).isEqualTo("@bob");
	}

	@Test
	void mentionAtTheStartAndBackToBack() {
		MessageText text = MessageText.builder().mention("1", "@a").mention("2", "b", "@Bee").build();
		assertThat(text.text()).isEqualTo("@a@Bee");
		assertThat(text.mentions()).containsExactly(new Mention("1", "a", 0, 2), new Mention("2", "b", 2, 6));
	}

	@Test
	void labelWithoutAtSignIsTheUsername() {
		MessageText text = MessageText.builder().mention("5", "team lead").build();
		assertThat(text.mentions().get(0).username()).isEqualTo("team lead");
	}

	@Test
	void rejectsBadMentions() {
		assertThatIllegalArgumentException().isThrownBy(() -> MessageText.builder().mention("x", "@a"));
		assertThatIllegalArgumentException().isThrownBy(() -> MessageText.builder().mention("1", ""));
		assertThatIllegalArgumentException().isThrownBy(() -> new Mention("1", "a", 3, 2));
		assertThatIllegalArgumentException().isThrownBy(() -> new Mention("1", "a", -1, 2));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new MessageText("ab", List.of(new Mention("1", "a", 1, 3))));
	}

	@Test
	void outgoingMessageCarriesTextMentionsAndReply() {
		ChannelMessage original = new ChannelMessage("10", "20", "30", "alice", "Alice", "https://a/avatar.png",
				ChannelType.DM, 4, 0, "{\"t\":\"lunch?\"}", JsonNodeFactory.instance.objectNode().put("t", "lunch?"),
				List.of(), Instant.EPOCH, Instant.EPOCH);
		MessageText text = MessageText.builder().text("yes ").mention("30", "@alice").build();
		OutgoingMessage reply = OutgoingMessage.of("10", text).withHideLink(true).replyTo(original);
		assertThat(reply.content().json()).isEqualTo("{\"t\":\"yes @alice\"}");
		assertThat(reply.mentions()).isEqualTo(text.mentions());
		assertThat(reply.hideLink()).isTrue();
		assertThat(reply.references()).containsExactly(new MessageReference("20", "30", "alice", "Alice",
				"https://a/avatar.png", "{\"t\":\"lunch?\"}", false, MessageReference.REPLY));
		assertThat(reply.references().get(0).text()).isEqualTo("lunch?");
		// The constructor of before mentions and references still works.
		assertThat(new OutgoingMessage("10", MessageContent.text("x"), List.of(), false, 0).mentions()).isEmpty();
		assertThat(original.mentions()).isEmpty();
		assertThat(original.repliedTo()).isNull();
	}

}
