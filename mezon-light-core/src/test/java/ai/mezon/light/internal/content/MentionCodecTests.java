package ai.mezon.light.internal.content;

import java.util.List;

import com.google.protobuf.ByteString;
import org.junit.jupiter.api.Test;

import ai.mezon.light.message.Mention;
import ai.mezon.light.proto.api.MessageMention;
import ai.mezon.light.proto.api.MessageMentionList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MentionCodecTests {

	@Test
	void decodesProtobufMentionList() {
		ByteString bytes = MessageMentionList.newBuilder()
			.addMentions(MessageMention.newBuilder().setUserId(1840000000000000001L).setUsername("alice").setS(3).setE(9))
			.addMentions(MessageMention.newBuilder().setRoleId(5).setRolename("admins").setS(10).setE(17))
			.build()
			.toByteString();
		assertThat(MentionCodec.decode(bytes)).containsExactly(new Mention("1840000000000000001", "alice", 3, 9),
				new Mention("", "", 10, 17));
	}

	@Test
	void decodesJsonArrayWithStringOrNumericIds() {
		String json = "[{\"user_id\":\"1840000000000000001\",\"username\":\"alice\",\"s\":3,\"e\":9},"
				+ "{\"user_id\":42,\"username\":\"bob\",\"s\":10,\"e\":14}]";
		assertThat(MentionCodec.decode(ByteString.copyFromUtf8(json))).containsExactly(
				new Mention("1840000000000000001", "alice", 3, 9), new Mention("42", "bob", 10, 14));
	}

	@Test
	void decodesJsonObjectAndCamelCaseNames() {
		String json = "{\"mentions\":[{\"userId\":\"7\",\"username\":\"carol\",\"s\":0,\"e\":6}]}";
		assertThat(MentionCodec.decode(ByteString.copyFromUtf8(json))).containsExactly(new Mention("7", "carol", 0, 6));
	}

	@Test
	void roundTripsThroughTheProtobufForm() {
		List<Mention> mentions = List.of(new Mention("9", "dave", 2, 7));
		assertThat(MentionCodec.decode(MentionCodec.encode(mentions))).isEqualTo(mentions);
		assertThat(MentionCodec.encode(List.of())).isEqualTo(ByteString.EMPTY);
	}

	@Test
	void emptyMeansNone() {
		assertThat(MentionCodec.decode(ByteString.EMPTY)).isEmpty();
		assertThat(MentionCodec.decode(ByteString.copyFromUtf8("[]"))).isEmpty();
	}

	@Test
	void rejectsBytesThatAreNeitherAndInvalidOffsets() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> MentionCodec.decode(ByteString.copyFrom(new byte[] { (byte) 0xFF, (byte) 0xFF })));
		assertThatIllegalArgumentException().isThrownBy(() -> MentionCodec.decode(ByteString.copyFromUtf8("[{oops")));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> MentionCodec.decode(ByteString.copyFromUtf8("[{\"user_id\":1,\"s\":5,\"e\":2}]")));
	}

}
