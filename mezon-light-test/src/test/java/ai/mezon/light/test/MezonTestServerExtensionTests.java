package ai.mezon.light.test;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class MezonTestServerExtensionTests {

	@RegisterExtension
	static MezonTestServerExtension server = new MezonTestServerExtension((builder) -> builder.serverKey("CustomKey"));

	@Test
	void startsConfiguredServerAndResolvesIt(MezonTestServer injected) {
		assertThat(injected).isSameAs(server.get());
		assertThat(injected.serverKey()).isEqualTo("CustomKey");
		assertThat(injected.authenticateConfig("1", "a").serverKey()).isEqualTo("CustomKey");
		assertThat(RawHttp.get(injected.baseUrl() + "/nothing").statusCode()).isEqualTo(404);
	}

	@Test
	void sharesOneServerPerClass(MezonTestServer injected) {
		assertThat(injected).isSameAs(server.get());
	}

}
