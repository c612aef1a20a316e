package ai.mezon.light.test.internal.rest;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.google.protobuf.Message;

import ai.mezon.light.message.ChannelType;
import ai.mezon.light.proto.api.ChannelDescription;
import ai.mezon.light.proto.api.CreateChannelDescRequest;
import ai.mezon.light.test.TestChannel;
import ai.mezon.light.test.TestUser;
import ai.mezon.light.test.internal.TokenService.VerifiedToken;

/**
 * {@code CreateChannelDesc} for DMs (type 3, exactly one peer; the same pair always gets the same
 * DM) and group DMs (type 2, at least one other user). Other types and missing users are 400.
 * Users the server has not seen yet are created on the fly (named {@code user-ID}), so tests can
 * DM ids that never authenticated.
 */
final class CreateChannelDescCall extends BearerCall<CreateChannelDescRequest> {

	static final String NAME = "CreateChannelDesc";

	CreateChannelDescCall(RestEnvironment env) {
		super(env, CreateChannelDescRequest.parser());
	}

	@Override
	protected Message handle(VerifiedToken caller, CreateChannelDescRequest request) {
		TestUser self = this.env.state().user(caller.userId(), caller.username());
		Set<Long> others = new LinkedHashSet<>();
		for (long id : request.getUserIdsList()) {
			if (id <= 0) {
				throw new HttpError(400, "invalid user id " + id);
			}
			if (id != self.id()) {
				this.env.state().user(id, "user-" + id);
				others.add(id);
			}
		}
		TestChannel channel;
		if (request.getType() == ChannelType.DM.wireType()) {
			if (request.getUserIdsCount() != 1 || others.size() != 1) {
				throw new HttpError(400, "a DM needs exactly one other user");
			}
			channel = this.env.state().dm(self.id(), others.iterator().next()).channel();
		}
		else if (request.getType() == ChannelType.GROUP.wireType()) {
			if (others.isEmpty()) {
				throw new HttpError(400, "a group DM needs at least one other user");
			}
			channel = this.env.state().group(self.id(), others, request.getChannelLabel());
		}
		else {
			throw new HttpError(400, "unsupported channel type " + request.getType());
		}
		return describe(this.env, channel, self.id());
	}

	/**
	 * The description of a channel as the caller sees it (members other than the caller).
	 * @param env the server
	 * @param channel the channel
	 * @param callerId who asks
	 * @return the description
	 */
	static ChannelDescription describe(RestEnvironment env, TestChannel channel, long callerId) {
		List<Long> members = channel.memberIds().stream().filter((id) -> id != callerId).sorted().toList();
		ChannelDescription.Builder desc = ChannelDescription.newBuilder()
			.setClanId(0)
			.setChannelId(channel.id())
			.setType(channel.type().wireType())
			.setCreatorId(channel.creatorId())
			.setChannelLabel(channel.label())
			.setChannelPrivate(1)
			.addAllUserIds(members)
			.setMemberCount(channel.memberIds().size())
			.setActive(1)
			.setCreateTimeSeconds((int) env.clock().instant().getEpochSecond());
		for (long id : members) {
			desc.addUsernames(env.state().findUser(id).map(TestUser::username).orElse(""));
		}
		env.state().findUser(channel.creatorId()).ifPresent((creator) -> desc.setCreatorName(creator.username()));
		return desc.build();
	}

}
