package ai.mezon.light.test;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(MezonTestServerExtension.class)
class MezonTestServerExtensionDeclarativeTests {

	private static MezonTestServer first;

	@Test
	void resolvesStartedServer(MezonTestServer injected) {
		assertThat(injected.port()).isPositive();
		assertThat(injected.serverKey()).isEqualTo("DefaultServerKey");
		sameForTheWholeClass(injected);
	}

	@Test
	void resolvesTheSameServerInEveryTest(MezonTestServer injected) {
		sameForTheWholeClass(injected);
	}

	private static synchronized void sameForTheWholeClass(MezonTestServer injected) {
		if (first == null) {
			first = injected;
		}
		assertThat(injected).isSameAs(first);
	}

}
