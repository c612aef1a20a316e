package ai.mezon.light.test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.mezon.light.AuthenticateConfig;
import ai.mezon.light.LightClient;
import ai.mezon.light.LightClientOptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The standalone jar the build attaches (classifier {@code standalone}), run as a real process
 * with {@code java -jar} after {@code package}: it prints how to point a bot at it, signs in any
 * id token, and logs through its bundled Logback, without SLF4J's "no providers" warnings.
 */
class MezonTestServerStandaloneIT {

	private static final Path JAR = Path.of(System.getProperty("basedir", "."), "target", "mezon-test-server.jar");

	@Test
	void standaloneJarPrintsHowToPointABotAtItAndLogsThroughLogback(@TempDir Path tmp) throws Exception {
		assertThat(JAR).as("the shaded standalone jar built by `package`").isRegularFile();
		Path stderr = tmp.resolve("stderr.txt");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(java, "-jar", JAR.toString()).redirectError(stderr.toFile()).start();
		List<String> banner = new ArrayList<>();
		try {
			BufferedReader out = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
			CompletableFuture.runAsync(() -> {
				try {
					String line;
					while ((line = out.readLine()) != null) {
						banner.add(line);
						if (line.startsWith("mezon.allow-insecure-transport=true is needed")) {
							return;
						}
					}
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}).get(30, TimeUnit.SECONDS);

			assertThat(banner.get(0)).matches("Mezon test server listening on http://127\\.0\\.0\\.1:[0-9]+");
			String baseUrl = banner.get(0).substring(MezonTestServer.LISTENING_PREFIX.length());
			assertThat(banner).contains("  mezon.gateway-url=" + baseUrl, "  mezon.allow-insecure-transport=true",
					"  MEZON_GATEWAY_URL=" + baseUrl, "  MEZON_ALLOW_INSECURE_TRANSPORT=true",
					"  mezon.id-token=" + MezonTestServer.TEST_ID_TOKEN, "  MEZON_USER_ID=1840000000000000001",
					"  mezon.username=bot");
			assertThat(banner).anyMatch((line) -> line.startsWith("Any non-blank id token is accepted"));

			// What the banner promises: any id token, user id and name sign in.
			LightClient client = LightClient.authenticate(
					new AuthenticateConfig("whatever-token", "1840000000000000077", "carol", baseUrl,
							AuthenticateConfig.DEFAULT_SERVER_KEY),
					LightClientOptions.builder().requestTimeout(Duration.ofSeconds(10)).build());
			assertThat(client.userId()).isEqualTo("1840000000000000077");
		}
		finally {
			process.destroy();
			assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
		}
		String errors = Files.readString(stderr);
		assertThat(errors).contains("INFO").contains("Serving on").doesNotContain("SLF4J");
		assertThat(String.join("\n", banner)).doesNotContain("SLF4J");
	}

}
