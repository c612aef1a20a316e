package ai.mezon.light.test;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MezonTestServerMainTests {

	@Test
	void parsesPortArguments() {
		assertThat(MezonTestServerMain.parsePort(new String[0])).isZero();
		assertThat(MezonTestServerMain.parsePort(new String[] { "--port", "8089" })).isEqualTo(8089);
		assertThat(MezonTestServerMain.parsePort(new String[] { "--port=8090" })).isEqualTo(8090);
		assertThatIllegalArgumentException().isThrownBy(() -> MezonTestServerMain.parsePort(new String[] { "--port", "x" }));
		assertThatIllegalArgumentException().isThrownBy(() -> MezonTestServerMain.parsePort(new String[] { "--port=70000" }));
		assertThatIllegalArgumentException().isThrownBy(() -> MezonTestServerMain.parsePort(new String[] { "--verbose" }));
	}

	@Test
	void bannerNamesThePropertiesAndEnvironmentVariablesThatPointABotAtTheServer() {
		java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
		MezonTestServerMain.printBanner(new java.io.PrintStream(bytes, true, StandardCharsets.UTF_8),
				"http://127.0.0.1:1234");
		assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList()).startsWith(
				"Mezon test server listening on http://127.0.0.1:1234")
			.contains("  mezon.gateway-url=http://127.0.0.1:1234", "  mezon.allow-insecure-transport=true",
					"  mezon.id-token=" + MezonTestServer.TEST_ID_TOKEN, "  mezon.user-id=1840000000000000001",
					"  mezon.username=bot", "  MEZON_GATEWAY_URL=http://127.0.0.1:1234",
					"  MEZON_ALLOW_INSECURE_TRANSPORT=true", "  MEZON_ID_TOKEN=" + MezonTestServer.TEST_ID_TOKEN,
					"  MEZON_USER_ID=1840000000000000001", "  MEZON_USERNAME=bot");
	}

	@Test
	void parsesPermessageDeflateFromArgumentsAndEnvironment() {
		assertThat(MezonTestServerMain.parse(new String[0], null).permessageDeflate()).isFalse();
		assertThat(MezonTestServerMain.parse(new String[] { "--permessage-deflate", "on" }, null).permessageDeflate())
			.isTrue();
		assertThat(MezonTestServerMain.parse(new String[] { "--permessage-deflate=off", "--port", "8091" }, "on"))
			.isEqualTo(new MezonTestServerMain.Options(8091, false));
		assertThat(MezonTestServerMain.parse(new String[0], "on").permessageDeflate()).isTrue();
		assertThat(MezonTestServerMain.parse(new String[0], "").permessageDeflate()).isFalse();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> MezonTestServerMain.parse(new String[] { "--permessage-deflate", "maybe" }, null))
			.withMessageContaining("on or off");
		assertThatIllegalArgumentException().isThrownBy(() -> MezonTestServerMain.parse(new String[0], "yes"))
			.withMessageContaining(MezonTestServerMain.PERMESSAGE_DEFLATE_ENV);
	}

	@Test
	void standaloneServerPrintsListeningLineAndServes() throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				MezonTestServerMain.class.getName())
			.redirectError(new File(System.getProperty("java.io.tmpdir"), "mezon-test-server-main.err"))
			.start();
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line = CompletableFuture.supplyAsync(() -> {
				try {
					return out.readLine();
				}
				catch (java.io.IOException ex) {
					return null;
				}
			}).get(20, TimeUnit.SECONDS);
			assertThat(line).matches("Mezon test server listening on http://127\\.0\\.0\\.1:[0-9]+");
			String baseUrl = line.substring(MezonTestServer.LISTENING_PREFIX.length());
			assertThat(RawHttp.get(baseUrl + "/nothing").statusCode()).isEqualTo(404);
		}
		finally {
			process.destroy();
			assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
		}
	}

}
