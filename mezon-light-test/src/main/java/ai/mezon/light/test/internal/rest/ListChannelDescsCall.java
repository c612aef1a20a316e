package ai.mezon.light.test.internal.rest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.google.protobuf.Message;

import ai.mezon.light.message.ChannelType;
import ai.mezon.light.proto.api.ChannelDescList;
import ai.mezon.light.proto.api.ChannelDescription;
import ai.mezon.light.proto.api.ListChannelDescsRequest;
import ai.mezon.light.test.TestChannel;
import ai.mezon.light.test.internal.TokenService.VerifiedToken;

/**
 * {@code ListChannelDescs} (PROTOCOL.md §2, "Channel list") as the real server answers the apps'
 * direct-message list: only channels the caller is a member of; {@code channel_type=2} lists its
 * DMs (type 3) and groups (type 2), {@code channel_type=3} its DMs only, any other type (clan
 * channels, which this server does not hold) or a non-zero {@code clan_id} nothing. Newest channel
 * first (ids are snowflakes), so pages are stable while no channel is created.
 *
 * <p>Paging: {@code page} counts from 1 (0 reads as 1, negative is 400); {@code limit} 0 means
 * {@value #MAX_LIMIT}, larger limits are capped at {@value #MAX_LIMIT}, negative is 400. A page
 * shorter than the limit is the last one. {@link RestFaults#emptyChannelListEntries(int)} makes
 * the server put empty entries (no {@code channel_id}) in the list, as some real server versions
 * do: they take a slot of the page like any entry.
 */
final class ListChannelDescsCall extends BearerCall<ListChannelDescsRequest> {

	static final String NAME = "ListChannelDescs";

	/** The largest page the server answers, whatever the request's limit. */
	static final int MAX_LIMIT = 100;

	ListChannelDescsCall(RestEnvironment env) {
		super(env, ListChannelDescsRequest.parser());
	}

	@Override
	protected Message handle(VerifiedToken caller, ListChannelDescsRequest request) {
		if (request.getLimit() < 0 || request.getPage() < 0) {
			throw new HttpError(400, "limit and page must not be negative");
		}
		int limit = (request.getLimit() == 0) ? MAX_LIMIT : Math.min(request.getLimit(), MAX_LIMIT);
		int page = Math.max(1, request.getPage());
		List<ChannelDescription> all = listed(caller.userId(), request);
		ChannelDescList.Builder answer = ChannelDescList.newBuilder();
		long from = (long) (page - 1) * limit;
		for (long i = from; i < all.size() && i < from + limit; i++) {
			answer.addChanneldesc(all.get((int) i));
		}
		return answer.build();
	}

	private List<ChannelDescription> listed(long callerId, ListChannelDescsRequest request) {
		if (request.getClanId() != 0) {
			return List.of();
		}
		boolean groups;
		if (request.getChannelType() == ChannelType.GROUP.wireType()) {
			groups = true;
		}
		else if (request.getChannelType() == ChannelType.DM.wireType()) {
			groups = false;
		}
		else {
			return List.of();
		}
		List<TestChannel> channels = this.env.state()
			.channels()
			.stream()
			.filter((channel) -> channel.hasMember(callerId))
			.filter((channel) -> channel.type() == ChannelType.DM || groups)
			.sorted(Comparator.comparingLong(TestChannel::id).reversed())
			.toList();
		int emptyEvery = this.env.faults().emptyChannelListEvery();
		List<ChannelDescription> listed = new ArrayList<>();
		for (TestChannel channel : channels) {
			if (emptyEvery > 0 && listed.size() % (emptyEvery + 1) == emptyEvery) {
				listed.add(ChannelDescription.getDefaultInstance());
			}
			listed.add(CreateChannelDescCall.describe(this.env, channel, callerId));
		}
		return listed;
	}

}
