package ai.mezon.light.test.internal.rest;

import com.google.protobuf.Message;

import ai.mezon.light.proto.api.ChannelMessageList;
import ai.mezon.light.proto.api.ListChannelMessagesRequest;
import ai.mezon.light.test.TestChannel;
import ai.mezon.light.test.internal.TokenService.VerifiedToken;

/**
 * {@code ListChannelMessages}: 404 for an unknown channel, 403 when the caller is not a member;
 * otherwise the messages the server's {@link ChannelHistory} holds.
 */
final class ListChannelMessagesCall extends BearerCall<ListChannelMessagesRequest> {

	static final String NAME = "ListChannelMessages";

	ListChannelMessagesCall(RestEnvironment env) {
		super(env, ListChannelMessagesRequest.parser());
	}

	@Override
	protected Message handle(VerifiedToken caller, ListChannelMessagesRequest request) {
		TestChannel channel = this.env.state()
			.findChannel(request.getChannelId())
			.orElseThrow(() -> new HttpError(404, "no such channel"));
		if (!channel.hasMember(caller.userId())) {
			throw new HttpError(403, "not a member of the channel");
		}
		if (request.getLimit() < 0) {
			throw new HttpError(400, "limit must not be negative");
		}
		return ChannelMessageList.newBuilder()
			.addAllMessages(this.env.history().get().messages(channel, request))
			.build();
	}

}
