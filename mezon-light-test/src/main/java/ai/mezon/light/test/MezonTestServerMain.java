package ai.mezon.light.test;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.slf4j.LoggerFactory;

/**
 * Runs a {@link MezonTestServer} standalone, for demos and for clients in other languages:
 * {@code java -jar mezon-light-test-VERSION-standalone.jar [--port N]} (the artifact
 * {@code ai.mezon.light:mezon-light-test:VERSION:jar:standalone}). Once it listens it prints, on
 * standard output, {@code Mezon test server listening on http://127.0.0.1:PORT} as its first line
 * (scripts wait for it), then the {@code mezon.*} properties and the environment variables that
 * point a bot at it; it serves until the process is stopped. Logs go to standard error through
 * the Logback bundled in the standalone jar (INFO, configured by
 * {@value #LOGBACK_CONFIGURATION}; {@code -Dlogback.configurationFile=...} overrides it).
 */
public final class MezonTestServerMain {

	/** The Logback configuration of the standalone server, a class path resource. */
	static final String LOGBACK_CONFIGURATION = "ai/mezon/light/test/mezon-test-server-logback.xml";

	private MezonTestServerMain() {
	}

	/**
	 * @param args {@code --port N} (or {@code --port=N}); without it a free port is chosen
	 * @throws InterruptedException if interrupted while serving
	 */
	public static void main(String[] args) throws InterruptedException {
		int port;
		try {
			port = parsePort(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.println("Usage: java -jar mezon-test-server.jar [--port N]");
			System.exit(2);
			return;
		}
		if (System.getProperty("logback.configurationFile") == null) {
			// Before the first logger exists: Logback reads the property once, when SLF4J binds.
			System.setProperty("logback.configurationFile", LOGBACK_CONFIGURATION);
		}
		MezonTestServer server = MezonTestServer.builder().port(port).build().start();
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			server.close();
			stopped.countDown();
		}, "mezon-test-server-shutdown"));
		printBanner(System.out, server.baseUrl());
		LoggerFactory.getLogger(MezonTestServerMain.class).info("Serving on {} until stopped", server.baseUrl());
		stopped.await();
	}

	/**
	 * Prints the listening line, then how to point a bot at the server.
	 * @param out where to print
	 * @param baseUrl the server's base URL
	 */
	static void printBanner(PrintStream out, String baseUrl) {
		out.println(MezonTestServer.LISTENING_PREFIX + baseUrl);
		List<String[]> settings = List.of(new String[] { "mezon.gateway-url", "MEZON_GATEWAY_URL", baseUrl },
				new String[] { "mezon.allow-insecure-transport", "MEZON_ALLOW_INSECURE_TRANSPORT", "true" },
				new String[] { "mezon.id-token", "MEZON_ID_TOKEN", MezonTestServer.TEST_ID_TOKEN },
				new String[] { "mezon.user-id", "MEZON_USER_ID", "1840000000000000001" },
				new String[] { "mezon.username", "MEZON_USERNAME", "bot" });
		out.println();
		out.println("Point a bot at it with these properties (application.properties or --name=value):");
		for (String[] setting : settings) {
			out.println("  " + setting[0] + "=" + setting[2]);
		}
		out.println("or these environment variables:");
		for (String[] setting : settings) {
			out.println("  " + setting[1] + "=" + setting[2]);
		}
		out.println("The server key is the default (DefaultServerKey), as mezon.server-key defaults to.");
		out.println("Any non-blank id token is accepted; any user id and username sign in as that user"
				+ " (created on first use; a non-numeric user id gets a new snowflake id).");
		out.println("mezon.allow-insecure-transport=true is needed because the server speaks plain http:// and ws://"
				+ " on 127.0.0.1.");
		out.flush();
	}

	static int parsePort(String[] args) {
		int port = 0;
		for (int i = 0; i < args.length; i++) {
			String value;
			if (args[i].equals("--port") && i + 1 < args.length) {
				value = args[++i];
			}
			else if (args[i].startsWith("--port=")) {
				value = args[i].substring("--port=".length());
			}
			else {
				throw new IllegalArgumentException("Unknown argument: " + args[i]);
			}
			try {
				port = Integer.parseInt(value);
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("Not a port: " + value);
			}
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("Not a port: " + value);
			}
		}
		return port;
	}

}
