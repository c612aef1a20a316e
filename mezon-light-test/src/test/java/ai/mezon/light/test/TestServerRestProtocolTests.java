package ai.mezon.light.test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ai.mezon.light.proto.api.ChannelDescription;
import ai.mezon.light.proto.api.CreateChannelDescRequest;
import ai.mezon.light.proto.api.ListChannelMessagesRequest;
import ai.mezon.light.session.SessionData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test server's REST side spoken to without the SDK: what it accepts and how it refuses.
 */
class TestServerRestProtocolTests {

	private static final String AUTH_PATH = "/v2/account/authenticate/idtoken";

	private static final JsonMapper JSON = JsonMapper.shared();

	@RegisterExtension
	static MezonTestServerExtension server = new MezonTestServerExtension();

	@Test
	void gatewayAcceptsJsonUnderBothContentTypes() {
		for (String type : new String[] { "application/json", "application/proto", "application/json; charset=utf-8" }) {
			HttpResponse<byte[]> response = authenticate(type, "{\"id_token\":\"x\",\"user_id\":\"9001\",\"username\":\"a\"}");
			assertThat(response.statusCode()).as(type).isEqualTo(200);
			JsonNode answer = JSON.readTree(response.body());
			assertThat(answer.propertyNames()).contains("token", "refresh_token", "api_url", "ws_url", "user_id");
			assertThat(answer.get("user_id").asString()).isEqualTo("9001");
			assertThat(answer.get("api_url").asString()).isEqualTo(server.get().baseUrl());
		}
	}

	@Test
	void gatewayGivesNonDecimalUserIdsANewSnowflake() {
		JsonNode answer = JSON.readTree(authenticate("application/json",
				"{\"id_token\":\"x\",\"user_id\":\"google-oauth2|123\",\"username\":\"g\"}").body());
		assertThat(answer.get("user_id").asString()).matches("[1-9][0-9]{15,18}");
	}

	@Test
	void gatewayRefusals() {
		assertError(authenticate("application/json", "{\"id_token\":\" \",\"user_id\":\"1\"}"), 401, 16);
		assertError(authenticate("application/json", "{\"user_id\":\"1\"}"), 401, 16);
		assertError(authenticate("application/json", "{not json"), 400, 3);
		assertError(authenticate("text/plain", "{\"id_token\":\"x\"}"), 415, 3);
		assertError(RawHttp.send("POST", server.get().baseUrl() + AUTH_PATH, "application/json", RawHttp.basic("Nope"),
				"{\"id_token\":\"x\"}".getBytes(StandardCharsets.UTF_8)), 401, 16);
		assertError(RawHttp.send("POST", server.get().baseUrl() + AUTH_PATH, "application/json", null,
				"{\"id_token\":\"x\"}".getBytes(StandardCharsets.UTF_8)), 401, 16);
		assertError(RawHttp.get(server.get().baseUrl() + AUTH_PATH), 405, 12);
	}

	@Test
	void unknownPathsAndCallsAre404AndWrongMethods405() {
		assertError(RawHttp.get(server.get().baseUrl() + "/nothing"), 404, 5);
		assertError(api("NoSuchCall", bearer(), new byte[0]), 404, 5);
		HttpResponse<byte[]> get = RawHttp.get(server.get().baseUrl() + "/mezon.api.Mezon/CreateChannelDesc");
		assertError(get, 405, 12);
		assertThat(get.headers().firstValue("Allow")).hasValue("POST");
	}

	@Test
	void unparsableProtobufIs400() {
		assertError(api("CreateChannelDesc", bearer(), new byte[] { (byte) 0xFF, 0x01 }), 400, 3);
	}

	@Test
	void bearerIsRequired() {
		byte[] body = CreateChannelDescRequest.newBuilder().setType(3).addUserIds(5).build().toByteArray();
		assertError(api("CreateChannelDesc", null, body), 401, 16);
		assertError(api("CreateChannelDesc", "Bearer not.a.jwt", body), 401, 16);
		SessionData session = server.get().issueSession(server.get().createUser("tess"));
		assertError(api("CreateChannelDesc", RawHttp.bearer(session.refreshToken()), body), 401, 16);
		assertThat(api("CreateChannelDesc", RawHttp.bearer(session.token()), body).statusCode()).isEqualTo(200);
	}

	@Test
	void createChannelDescValidation() throws Exception {
		String bearer = bearer();
		assertError(api("CreateChannelDesc", bearer,
				CreateChannelDescRequest.newBuilder().setType(3).addUserIds(5).addUserIds(6).build().toByteArray()), 400,
				3);
		assertError(api("CreateChannelDesc", bearer,
				CreateChannelDescRequest.newBuilder().setType(3).build().toByteArray()), 400, 3);
		assertError(api("CreateChannelDesc", bearer,
				CreateChannelDescRequest.newBuilder().setType(2).build().toByteArray()), 400, 3);
		assertError(api("CreateChannelDesc", bearer,
				CreateChannelDescRequest.newBuilder().setType(1).addUserIds(5).build().toByteArray()), 400, 3);
		HttpResponse<byte[]> group = api("CreateChannelDesc", bearer, CreateChannelDescRequest.newBuilder()
			.setType(2)
			.setChannelPrivate(1)
			.setChannelLabel("team")
			.addUserIds(5)
			.addUserIds(6)
			.build()
			.toByteArray());
		assertThat(group.statusCode()).isEqualTo(200);
		assertThat(group.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/proto"));
		ChannelDescription desc = ChannelDescription.parseFrom(group.body());
		assertThat(desc.getType()).isEqualTo(2);
		assertThat(desc.getChannelLabel()).isEqualTo("team");
		assertThat(desc.getUserIdsList()).containsExactly(5L, 6L);
		assertThat(desc.getChannelId()).isPositive();
	}

	@Test
	void historyOfUnknownChannelIs404() {
		assertError(api("ListChannelMessages", bearer(),
				ListChannelMessagesRequest.newBuilder().setChannelId(12345).build().toByteArray()), 404, 5);
	}

	private static String bearer() {
		return RawHttp.bearer(server.get().issueSession(server.get().createUser("raw")).token());
	}

	private static HttpResponse<byte[]> api(String call, String authorization, byte[] body) {
		return RawHttp.send("POST", server.get().baseUrl() + "/mezon.api.Mezon/" + call, "application/proto",
				authorization, body);
	}

	private static HttpResponse<byte[]> authenticate(String contentType, String json) {
		return RawHttp.send("POST", server.get().baseUrl() + AUTH_PATH, contentType,
				RawHttp.basic(server.get().serverKey()), json.getBytes(StandardCharsets.UTF_8));
	}

	private static void assertError(HttpResponse<byte[]> response, int status, int code) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		JsonNode error = JSON.readTree(response.body());
		assertThat(error.get("code").asInt()).isEqualTo(code);
		assertThat(error.get("message").asString()).isNotBlank();
	}

}
