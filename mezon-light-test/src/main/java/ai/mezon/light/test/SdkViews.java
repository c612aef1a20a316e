package ai.mezon.light.test;

import org.jspecify.annotations.Nullable;

import ai.mezon.light.message.ChannelType;
import ai.mezon.light.Ids;
import ai.mezon.light.message.Reaction;
import ai.mezon.light.message.TypingIndicator;
import ai.mezon.light.proto.api.MessageReaction;
import ai.mezon.light.proto.realtime.MessageTypingEvent;

/**
 * The SDK's records for what the server pushed, so tests compare them with what a client
 * received. Field for field what the SDK's socket maps.
 */
final class SdkViews {

	private SdkViews() {
	}

	static Reaction reaction(MessageReaction proto) {
		return new Reaction(Ids.format(proto.getChannelId()), Ids.format(proto.getMessageId()),
				Ids.format(proto.getMessageSenderId()), Ids.format(proto.getSenderId()), proto.getSenderName(),
				proto.getEmoji(), Ids.format(proto.getEmojiId()), Ids.format(proto.getId()), proto.getAction(),
				proto.getCount(), streamMode(proto.getMode()), proto.getMode());
	}

	static TypingIndicator typing(MessageTypingEvent proto) {
		return new TypingIndicator(Ids.format(proto.getChannelId()), Ids.format(proto.getSenderId()),
				proto.getSenderUsername(), proto.getSenderDisplayName(), streamMode(proto.getMode()), proto.getMode());
	}

	private static @Nullable ChannelType streamMode(int mode) {
		try {
			return ChannelType.ofStreamMode(mode);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
