package ai.mezon.light;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import ai.mezon.light.message.PresignedUpload;
import ai.mezon.light.session.SessionData;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsMaskingTests {

	private final String token = TestJwts.token(42, Instant.parse("2030-01-01T00:00:00Z"));

	@Test
	void maskKeepsOnlyPresence() {
		assertThat(Secrets.mask("secret")).isEqualTo("****");
		assertThat(Secrets.mask("")).isEqualTo("<none>");
		assertThat(Secrets.mask(null)).isEqualTo("<none>");
		assertThat(Secrets.maskUrl("wss://h/ws?lang=en&token=abc.def&format=protobuf"))
			.isEqualTo("wss://h/ws?lang=en&token=****&format=protobuf");
	}

	@Test
	void configsAndValuesMaskSecretsInToString() {
		assertThat(new AuthenticateConfig("my-id-token", "42", "alice", null, "my-server-key").toString())
			.doesNotContain("my-id-token")
			.doesNotContain("my-server-key")
			.contains("userId=42");
		assertThat(new ClientInitConfig(this.token, this.token, "https://api", null, "42", null).toString())
			.doesNotContain(this.token);
		assertThat(new SessionData(this.token, this.token, "https://api", null, "42").toString())
			.doesNotContain(this.token);
		assertThat(new PresignedUpload("a.png", "https://cdn.example/a.png?X-Amz-Signature=s3cr3t").toString())
			.doesNotContain("s3cr3t")
			.contains("https://cdn.example/a.png");
	}

	@Test
	void publicUrlDropsQuery() {
		assertThat(new PresignedUpload("a.png", "https://cdn.example/a.png?X-Amz-Signature=s").publicUrl())
			.isEqualTo("https://cdn.example/a.png");
		assertThat(new PresignedUpload("a.png", "https://cdn.example/a.png").publicUrl())
			.isEqualTo("https://cdn.example/a.png");
	}

}
