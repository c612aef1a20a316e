package ai.mezon.light.test;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import ai.mezon.light.AuthenticateConfig;
import ai.mezon.light.ClientInitConfig;
import ai.mezon.light.LightClient;
import ai.mezon.light.MezonApiException;
import ai.mezon.light.MezonAuthenticationException;
import ai.mezon.light.MezonSessionException;
import ai.mezon.light.message.ChannelType;
import ai.mezon.light.message.HistoryDirection;
import ai.mezon.light.message.HistoryMessage;
import ai.mezon.light.message.MezonChannel;
import ai.mezon.light.message.PresignedUpload;
import ai.mezon.light.message.UploadRequest;
import ai.mezon.light.session.Session;
import ai.mezon.light.session.SessionData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every {@link LightClient} REST call against the test server.
 */
class LightClientIntegrationTests {

	@RegisterExtension
	static MezonTestServerExtension server = new MezonTestServerExtension();

	@Test
	void authenticateGivesSessionPointingAtTheServer() {
		LightClient client = authenticate("1001", "alice");
		Session session = client.getSession();
		assertThat(client.userId()).isEqualTo("1001");
		assertThat(session.getUsername()).isEqualTo("alice");
		assertThat(session.getApiUrl()).isEqualTo(server.get().baseUrl());
		assertThat(session.getWsUrl()).isEqualTo(server.get().baseUrl());
		assertThat(client.isSessionExpired()).isFalse();
		assertThat(client.isRefreshSessionExpired()).isFalse();
		assertThat(server.get().users()).contains(new TestUser(1001, "alice"));
	}

	@Test
	void nonAsciiUsernameSurvivesTheToken() {
		assertThat(authenticate("1002", "Nguyễn Văn A").getSession().getUsername()).isEqualTo("Nguyễn Văn A");
	}

	@Test
	void wrongServerKeyIsRefusedWith401() {
		AuthenticateConfig config = server.get().authenticateConfig("1003", "mallory");
		AuthenticateConfig wrongKey = new AuthenticateConfig(config.idToken(), config.userId(), config.username(),
				config.gatewayUrl(), "NotTheKey");
		assertThatExceptionOfType(MezonAuthenticationException.class)
			.isThrownBy(() -> LightClient.authenticate(wrongKey, server.get().clientOptions()))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(401));
	}

	@Test
	void initClientResumesAnIssuedSession() {
		TestUser bob = server.get().createUser("bob");
		SessionData data = server.get().issueSession(bob);
		LightClient client = LightClient.restore(data, server.get().clientOptions());
		assertThat(client.userId()).isEqualTo(bob.idString());
		assertThat(client.exportSession()).isEqualTo(data);
		assertThat(client.createDM("1999").type()).isEqualTo(ChannelType.DM);
	}

	@Test
	void initClientNamesEveryMissingField() {
		assertThatExceptionOfType(MezonSessionException.class)
			.isThrownBy(() -> LightClient.initClient(new ClientInitConfig(null, " ", null, null, null, null),
					server.get().clientOptions()))
			.withMessageContaining("token, refresh_token, api_url, user_id");
	}

	@Test
	void samePairGetsTheSameDm() {
		LightClient alice = authenticate("2001", "alice");
		LightClient bob = authenticate("2002", "bob");
		MezonChannel dm = alice.createDM("2002");
		assertThat(dm.type()).isEqualTo(ChannelType.DM);
		assertThat(dm.userIds()).containsExactly("2002");
		assertThat(dm.creatorId()).isEqualTo("2001");
		assertThat(alice.createDM("2002").channelId()).isEqualTo(dm.channelId());
		assertThat(bob.createDM("2001").channelId()).isEqualTo(dm.channelId());
		assertThat(server.get().channels()).filteredOn((channel) -> channel.idString().equals(dm.channelId()))
			.singleElement()
			.satisfies((channel) -> assertThat(channel.memberIds()).containsExactlyInAnyOrder(2001L, 2002L));
	}

	@Test
	void dmWithUnknownUserCreatesThatUser() {
		authenticate("2101", "carol").createDM("2102");
		assertThat(server.get().users()).extracting(TestUser::id).contains(2102L);
	}

	@Test
	void dmWithYourselfIsRefused() {
		LightClient client = authenticate("2201", "dave");
		assertThatExceptionOfType(MezonApiException.class).isThrownBy(() -> client.createDM("2201"))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(400);
				assertThat(ex.getCall()).isEqualTo("CreateChannelDesc");
			});
	}

	@Test
	void groupDmHoldsEveryMember() {
		LightClient client = authenticate("3001", "erin");
		MezonChannel group = client.createGroupDM(List.of("3002", "3003"));
		assertThat(group.type()).isEqualTo(ChannelType.GROUP);
		assertThat(group.userIds()).containsExactlyInAnyOrder("3002", "3003");
		assertThat(client.createGroupDM(List.of("3002", "3003")).channelId()).isNotEqualTo(group.channelId());
	}

	@Test
	void uploadAttachmentAnswersPresignedUrl() {
		LightClient client = authenticate("4001", "frank");
		PresignedUpload upload = client.uploadAttachment(new UploadRequest("a.txt", "text/plain", 3, 0, 0));
		assertThat(upload.filename()).isEqualTo("a.txt");
		assertThat(upload.url()).startsWith(server.get().baseUrl() + "/uploads/").contains("X-Amz-Signature=");
		assertThat(upload.publicUrl()).doesNotContain("?").endsWith("/a.txt");
	}

	@Test
	void listChannelMessagesForMembersOnly() {
		LightClient alice = authenticate("5001", "alice");
		LightClient outsider = authenticate("5003", "oscar");
		MezonChannel dm = alice.createDM("5002");
		assertThat(alice.listChannelMessages(dm.channelId(), 50)).isEmpty();
		assertThatExceptionOfType(MezonApiException.class)
			.isThrownBy(() -> outsider.listChannelMessages(dm.channelId(), 50))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(403));
		assertThatExceptionOfType(MezonApiException.class).isThrownBy(() -> alice.listChannelMessages("77", 50))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(404));
	}

	@Test
	void listChannelMessagesAnswersFromTheHistoryByAnchorAndDirection() {
		LightClient alice = authenticate("5101", "alice");
		MezonChannel dm = alice.createDM("5102");
		TestChannel channel = server.get().channels().stream()
			.filter((c) -> c.idString().equals(dm.channelId()))
			.findFirst()
			.orElseThrow();
		TestUser bob = server.get().createUser(5102, "bob");
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			ids.add(server.get().sendAs(bob, channel, "m" + i).messageId());
		}

		assertThat(alice.listChannelMessages(dm.channelId(), 2)).extracting(HistoryMessage::messageId)
			.containsExactlyElementsOf(ids.subList(4, 6));
		assertThat(alice.listChannelMessages(dm.channelId(), ids.get(1), HistoryDirection.AFTER, 3))
			.extracting(HistoryMessage::messageId)
			.containsExactlyElementsOf(ids.subList(2, 5));
		assertThat(alice.listChannelMessages(dm.channelId(), ids.get(3), HistoryDirection.BEFORE, 2))
			.extracting(HistoryMessage::messageId)
			.containsExactlyElementsOf(ids.subList(1, 3));
		assertThat(alice.listChannelMessages(dm.channelId(), ids.get(3), HistoryDirection.AROUND, 3))
			.extracting(HistoryMessage::messageId)
			.containsExactlyElementsOf(ids.subList(2, 5));
		assertThat(alice.listChannelMessages(dm.channelId(), ids.get(5), HistoryDirection.AFTER, 10)).isEmpty();
		assertThat(alice.listChannelMessages(dm.channelId(), ids.get(0), HistoryDirection.AFTER, 10).get(0).content())
			.contains("m1");
	}

	private static LightClient authenticate(String userId, String username) {
		return LightClient.authenticate(server.get().authenticateConfig(userId, username),
				server.get().clientOptions());
	}

}
