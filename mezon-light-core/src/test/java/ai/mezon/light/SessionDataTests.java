package ai.mezon.light;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ai.mezon.light.session.Session;
import ai.mezon.light.session.SessionData;

import static org.assertj.core.api.Assertions.assertThat;

class SessionDataTests {

	private final JsonMapper json = JsonMapper.builder().build();

	private final String token = TestJwts.token(42, Instant.parse("2030-01-01T00:00:00Z"));

	@Test
	void roundTripsThroughJsonWithJsKeys() {
		SessionData data = new SessionData(this.token, this.token, "https://api.mezon.ai", "sock.mezon.ai", "42");
		String written = this.json.writeValueAsString(data);
		JsonNode tree = this.json.readTree(written);
		assertThat(tree.propertyNames()).containsExactlyInAnyOrder("token", "refresh_token", "api_url", "ws_url",
				"user_id");
		assertThat(this.json.readValue(written, SessionData.class)).isEqualTo(data);
	}

	@Test
	void readsJsSessionWithoutWsUrl() {
		String js = "{\"token\":\"" + this.token + "\",\"refresh_token\":\"" + this.token
				+ "\",\"api_url\":\"https://api.mezon.ai\",\"user_id\":\"42\",\"extra\":true}";
		SessionData data = this.json.readValue(js, SessionData.class);
		assertThat(data.wsUrl()).isNull();
		assertThat(data.userId()).isEqualTo("42");
		assertThat(this.json.writeValueAsString(data)).doesNotContain("ws_url");
		Session session = Session.restore(data);
		assertThat(session.getWsUrl()).isNull();
		assertThat(session.getApiUrl()).isEqualTo("https://api.mezon.ai");
	}

}
