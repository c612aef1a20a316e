package ai.mezon.light.internal.socket;

import java.util.ArrayList;
import java.util.List;

import com.google.protobuf.ByteString;
import org.junit.jupiter.api.Test;

import ai.mezon.light.message.ChannelType;
import ai.mezon.light.message.MessageDeletion;
import ai.mezon.light.message.MessageEdit;
import ai.mezon.light.message.MessageText;
import ai.mezon.light.message.OutgoingMessage;
import ai.mezon.light.message.Reaction;
import ai.mezon.light.proto.api.ChannelMessage;
import ai.mezon.light.proto.api.MessageReaction;
import ai.mezon.light.proto.realtime.ChannelMessageUpdate;
import ai.mezon.light.proto.realtime.Envelope;
import ai.mezon.light.proto.realtime.MessageTypingEvent;

import static org.assertj.core.api.Assertions.assertThat;

/** Wire constants of the rich-messaging requests and the mapping of their pushes. */
class FrameMapperRichTests {

	@Test
	void editCarriesModeMentionsAndHideEdited() {
		OutgoingMessage message = OutgoingMessage.of("11",
				MessageText.builder().text("v2 ").mention("5", "@e").build());
		ChannelMessageUpdate update = FrameMapper.update(22, message, ChannelType.GROUP, true).getChannelMessageUpdate();
		assertThat(update.getChannelId()).isEqualTo(11);
		assertThat(update.getMessageId()).isEqualTo(22);
		assertThat(update.getMode()).isEqualTo(3);
		assertThat(update.getIsPublic()).isFalse();
		assertThat(update.getClanId()).isZero();
		assertThat(update.getHideEditted()).isTrue();
		assertThat(update.getContent()).isEqualTo("{\"t\":\"v2 @e\"}");
		assertThat(update.getMentions(0).getS()).isEqualTo(3);
		assertThat(update.getMentions(0).getE()).isEqualTo(5);
	}

	@Test
	void removeReactionAndTypingUseTheChannelsMode() {
		assertThat(FrameMapper.remove(1, 2, ChannelType.DM).getChannelMessageRemove().getMode()).isEqualTo(4);
		MessageReaction reaction = FrameMapper
			.reaction(new FrameMapper.ReactionRequest(1, ChannelType.GROUP, 2, 3, "👍", true), 9)
			.getMessageReactionEvent();
		assertThat(reaction.getMode()).isEqualTo(3);
		assertThat(reaction.getAction()).isTrue();
		assertThat(reaction.getMessageSenderId()).isEqualTo(3);
		assertThat(reaction.getSenderId()).isEqualTo(9);
		assertThat(reaction.getIsPublic()).isFalse();
		assertThat(reaction.getClanId()).isZero();
		MessageTypingEvent typing = FrameMapper.typing(1, ChannelType.DM).getMessageTypingEvent();
		assertThat(typing.getMode()).isEqualTo(4);
		assertThat(typing.getIsPublic()).isFalse();
	}

	@Test
	void bareReplyToAReactionMeansTheReactionAsRequested() {
		FrameMapper.ReactionRequest request = new FrameMapper.ReactionRequest(1, ChannelType.DM, 2, 3, "🎉", false);
		Reaction reaction = FrameMapper.reacted(Envelope.getDefaultInstance(), request, 9);
		assertThat(reaction.emoji()).isEqualTo("🎉");
		assertThat(reaction.senderId()).isEqualTo("9");
		assertThat(reaction.count()).isEqualTo(1);
		assertThat(reaction.channelType()).isEqualTo(ChannelType.DM);
	}

	@Test
	void pushedEditAndDeletionKeepTheAuthor() {
		ChannelMessage edited = ChannelMessage.newBuilder()
			.setChannelId(1)
			.setMessageId(2)
			.setSenderId(3)
			.setUsername("alice")
			.setCode(1)
			.setMode(4)
			.setContent("{\"t\":\"v2\"}")
			.setUpdateTimeSeconds(100)
			.build();
		MessageEdit edit = FrameMapper.edit(edited, (problem) -> {
			throw new AssertionError(problem);
		});
		assertThat(edit.senderId()).isEqualTo("3");
		assertThat(edit.text()).isEqualTo("v2");
		assertThat(edit.updateTime().getEpochSecond()).isEqualTo(100);
		MessageDeletion deletion = FrameMapper.deletion(edited.toBuilder().setCode(2).build());
		assertThat(deletion).isEqualTo(new MessageDeletion("1", "2", "3", ChannelType.DM, 4));
	}

	@Test
	void undecodableMentionsAreReportedAndTheMessageStillDelivered() {
		List<Throwable> problems = new ArrayList<>();
		ChannelMessage bad = ChannelMessage.newBuilder()
			.setChannelId(1)
			.setMessageId(2)
			.setContent("{\"t\":\"x\"}")
			.setMentions(ByteString.copyFrom(new byte[] { (byte) 0xFF, (byte) 0xFF }))
			.build();
		ai.mezon.light.message.ChannelMessage message = FrameMapper.message(bad, problems::add);
		assertThat(message.text()).isEqualTo("x");
		assertThat(message.mentions()).isEmpty();
		assertThat(problems).singleElement()
			.satisfies((problem) -> assertThat(problem.getMessage()).contains("undecodable mentions"));
	}

}
