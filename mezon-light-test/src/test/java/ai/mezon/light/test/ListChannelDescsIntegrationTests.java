package ai.mezon.light.test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.google.protobuf.InvalidProtocolBufferException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import ai.mezon.light.ClientInitConfig;
import ai.mezon.light.LightClient;
import ai.mezon.light.message.ChannelType;
import ai.mezon.light.message.MezonChannel;
import ai.mezon.light.proto.api.ChannelDescList;
import ai.mezon.light.proto.api.ChannelDescription;
import ai.mezon.light.proto.api.ListChannelDescsRequest;
import ai.mezon.light.session.SessionData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ListChannelDescs} (PROTOCOL.md §2, "Channel list"): the test server's answers spoken to
 * without the SDK, and {@link LightClient#listDirectChannels()} paging through them.
 */
class ListChannelDescsIntegrationTests {

	@RegisterExtension
	static MezonTestServerExtension server = new MezonTestServerExtension();

	/** A user in {@code dms} DMs and {@code groups} groups, and one DM and one group it is not in. */
	private record Fixture(TestUser user, SessionData session, Set<Long> dms, Set<Long> groups) {
	}

	private static Fixture fixture(String name, int dms, int groups) {
		MezonTestServer s = server.get();
		TestUser user = s.createUser(name);
		Set<Long> dmIds = new java.util.LinkedHashSet<>();
		Set<Long> groupIds = new java.util.LinkedHashSet<>();
		for (int i = 0; i < dms; i++) {
			TestUser peer = s.createUser(name + "-peer-" + i);
			// Every other DM created by the peer: membership, not creation, decides.
			dmIds.add(((i % 2 == 0) ? s.createDm(user, peer) : s.createDm(peer, user)).id());
		}
		for (int i = 0; i < groups; i++) {
			TestUser a = s.createUser(name + "-ga-" + i);
			TestUser b = s.createUser(name + "-gb-" + i);
			groupIds.add(((i % 2 == 0) ? s.createGroup(user, "g" + i, a, b) : s.createGroup(a, "g" + i, user, b)).id());
		}
		TestUser x = s.createUser(name + "-x");
		TestUser y = s.createUser(name + "-y");
		s.createDm(x, y);
		s.createGroup(x, "not theirs", y);
		return new Fixture(user, s.issueSession(user), dmIds, groupIds);
	}

	private static ListChannelDescsRequest.Builder request(int type, int limit, int page) {
		return ListChannelDescsRequest.newBuilder().setClanId(0).setState(1).setChannelType(type).setLimit(limit)
			.setPage(page);
	}

	private static HttpResponse<byte[]> call(String authorization, ListChannelDescsRequest.Builder request) {
		return RawHttp.send("POST", server.get().baseUrl() + "/mezon.api.Mezon/ListChannelDescs", "application/proto",
				authorization, request.build().toByteArray());
	}

	private static ChannelDescList list(SessionData session, ListChannelDescsRequest.Builder request)
			throws InvalidProtocolBufferException {
		HttpResponse<byte[]> response = call(RawHttp.bearer(session.token()), request);
		assertThat(response.statusCode()).isEqualTo(200);
		return ChannelDescList.parseFrom(response.body());
	}

	private static Set<Long> ids(ChannelDescList list) {
		return list.getChanneldescList().stream().map(ChannelDescription::getChannelId).collect(Collectors.toSet());
	}

	@Test
	void typeTwoListsTheCallersDmsAndGroupsTypeThreeItsDmsOnly() throws Exception {
		Fixture f = fixture("lister", 3, 2);
		ChannelDescList all = list(f.session(), request(2, 100, 1));
		Set<Long> expected = new java.util.HashSet<>(f.dms());
		expected.addAll(f.groups());
		assertThat(ids(all)).isEqualTo(expected);
		for (ChannelDescription desc : all.getChanneldescList()) {
			int type = f.dms().contains(desc.getChannelId()) ? 3 : 2;
			assertThat(desc.getType()).isEqualTo(type);
			assertThat(desc.getUserIdsList()).isNotEmpty().doesNotContain(f.user().id());
		}
		assertThat(ids(list(f.session(), request(3, 100, 1)))).isEqualTo(f.dms());
		assertThat(list(f.session(), request(1, 100, 1)).getChanneldescCount()).isZero();
		assertThat(list(f.session(), request(2, 100, 1).setClanId(77)).getChanneldescCount()).isZero();
	}

	@Test
	void pagesCountFromOneAndTheLimitIsCappedAtAHundred() throws Exception {
		Fixture f = fixture("pager", 130, 100);
		List<Long> seen = new ArrayList<>();
		assertThat(list(f.session(), request(2, 100, 1)).getChanneldescCount()).isEqualTo(100);
		for (int page = 1; page <= 3; page++) {
			ChannelDescList answer = list(f.session(), request(2, 100, page));
			assertThat(answer.getChanneldescCount()).isEqualTo((page < 3) ? 100 : 30);
			answer.getChanneldescList().forEach((desc) -> seen.add(desc.getChannelId()));
		}
		assertThat(seen).doesNotHaveDuplicates().hasSize(230);
		assertThat(list(f.session(), request(2, 500, 1)).getChanneldescCount()).isEqualTo(100);
		assertThat(list(f.session(), request(2, 0, 1)).getChanneldescCount()).isEqualTo(100);
		assertThat(ids(list(f.session(), request(2, 40, 0)))).isEqualTo(ids(list(f.session(), request(2, 40, 1))));
		assertThat(list(f.session(), request(2, 100, 4)).getChanneldescCount()).isZero();
		assertThat(call(RawHttp.bearer(f.session().token()), request(2, -1, 1)).statusCode()).isEqualTo(400);
		assertThat(call(RawHttp.bearer(f.session().token()), request(2, 10, -1)).statusCode()).isEqualTo(400);
	}

	@Test
	void bearerIsRequiredLikeEveryCall() {
		Fixture f = fixture("auth", 1, 0);
		ListChannelDescsRequest.Builder request = request(2, 100, 1);
		assertThat(call(null, request).statusCode()).isEqualTo(401);
		assertThat(call("Bearer not.a.jwt", request).statusCode()).isEqualTo(401);
		assertThat(call(RawHttp.bearer(f.session().refreshToken()), request).statusCode()).isEqualTo(401);
	}

	@Test
	void aUserInNothingGetsAnEmptyList() throws Exception {
		SessionData lonely = server.get().issueSession(server.get().createUser("lonely"));
		assertThat(list(lonely, request(2, 100, 1)).getChanneldescCount()).isZero();
		assertThat(client(lonely).listDirectChannels()).isEmpty();
	}

	@Test
	void listDirectChannelsPagesThroughEverythingTheUserIsIn() {
		Fixture f = fixture("sdk", 160, 90);
		int before = server.get().requestCount("ListChannelDescs");
		List<MezonChannel> channels = client(f.session()).listDirectChannels();
		assertThat(server.get().requestCount("ListChannelDescs") - before).isEqualTo(3);
		assertThat(channels).hasSize(250);
		assertThat(channels).filteredOn((c) -> c.type() == ChannelType.DM)
			.extracting((c) -> Long.parseLong(c.channelId()))
			.containsExactlyInAnyOrderElementsOf(f.dms());
		assertThat(channels).filteredOn((c) -> c.type() == ChannelType.GROUP)
			.extracting((c) -> Long.parseLong(c.channelId()))
			.containsExactlyInAnyOrderElementsOf(f.groups());
		assertThat(channels).filteredOn((c) -> c.type() == ChannelType.GROUP)
			.allSatisfy((c) -> assertThat(c.label()).startsWith("g"));
	}

	@Test
	void listDirectChannelsSkipsTheEmptyEntriesSomeServersSend() throws Exception {
		Fixture f = fixture("empties", 120, 0);
		server.get().emptyChannelListEntries(7);
		try {
			ChannelDescList first = list(f.session(), request(2, 100, 1));
			assertThat(first.getChanneldescList()).filteredOn((d) -> d.getChannelId() == 0).isNotEmpty();
			List<MezonChannel> channels = client(f.session()).listDirectChannels();
			assertThat(channels).extracting((c) -> Long.parseLong(c.channelId()))
				.containsExactlyInAnyOrderElementsOf(f.dms());
		}
		finally {
			server.get().emptyChannelListEntries(0);
		}
	}

	@Test
	void membershipRejoinsTheStoredChannelsAndTheOnesCreatedWhileOffline(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
		Fixture f = fixture("member", 2, 1);
		ai.mezon.light.session.FileSessionStore store = new ai.mezon.light.session.FileSessionStore(dir);
		LightClient client = client(f.session());
		ai.mezon.light.internal.socket.ChannelMembership before = new ai.mezon.light.internal.socket.ChannelMembership(
				store, "member", client::listDirectChannels);
		long first = f.dms().iterator().next();
		before.joined(first, ChannelType.DM);
		// Offline: a new DM is created with the user.
		TestChannel created = server.get().createDm(server.get().createUser("member-new-peer"), f.user());
		// The restarted process: a new membership over the same file.
		ai.mezon.light.internal.socket.ChannelMembership after = new ai.mezon.light.internal.socket.ChannelMembership(
				store, "member", client::listDirectChannels);
		java.util.Map<Long, ChannelType> plan = after.toRejoin().channels();
		assertThat(plan.keySet().iterator().next()).isEqualTo(first);
		assertThat(plan).containsEntry(created.id(), ChannelType.DM).hasSize(f.dms().size() + f.groups().size() + 1);
		assertThat(new ai.mezon.light.internal.socket.ChannelMembership(store, "member", null).toRejoin().channels())
			.containsOnlyKeys(first);
	}

	private static LightClient client(SessionData session) {
		return LightClient.initClient(ClientInitConfig.from(session), server.get().clientOptions());
	}

}
