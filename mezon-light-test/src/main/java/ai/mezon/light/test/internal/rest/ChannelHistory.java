package ai.mezon.light.test.internal.rest;

import java.util.List;

import ai.mezon.light.proto.api.ChannelMessage;
import ai.mezon.light.proto.api.ListChannelMessagesRequest;
import ai.mezon.light.test.TestChannel;

/**
 * Where {@code ListChannelMessages} gets a channel's messages. The REST side has no message store
 * of its own: the socket side, which receives messages, provides one.
 */
@FunctionalInterface
public interface ChannelHistory {

	/** A history without messages. */
	ChannelHistory EMPTY = (channel, request) -> List.of();

	/**
	 * @param channel the channel, of which the caller is a member
	 * @param request the anchor, direction and limit asked for
	 * @return the messages to answer, in order
	 */
	List<ChannelMessage> messages(TestChannel channel, ListChannelMessagesRequest request);

}
