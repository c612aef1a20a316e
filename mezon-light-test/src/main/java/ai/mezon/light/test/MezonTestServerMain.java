package ai.mezon.light.test;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link MezonTestServer} standalone, for demos and for clients in other languages:
 * {@code java -jar mezon-light-test-VERSION-standalone.jar [--port N] [--permessage-deflate on|off]}
 * (the artifact {@code ai.mezon.light:mezon-light-test:VERSION:jar:standalone}). Once it listens it
 * prints, on standard output, {@code Mezon test server listening on http://127.0.0.1:PORT} as its
 * first line (scripts wait for it), then the {@code mezon.*} properties and the environment
 * variables that point a bot at it; it serves until the process is stopped. Logs go to standard
 * error through the Logback bundled in the standalone jar (INFO, configured by
 * {@value #LOGBACK_CONFIGURATION}; {@code -Dlogback.configurationFile=...} overrides it).
 * <p>
 * {@code --permessage-deflate} (or the environment variable {@value #PERMESSAGE_DEFLATE_ENV}, the
 * argument winning) sets {@link MezonTestServer.Builder#permessageDeflate(boolean)}; off by default.
 */
public final class MezonTestServerMain {

	/** The Logback configuration of the standalone server, a class path resource. */
	static final String LOGBACK_CONFIGURATION = "ai/mezon/light/test/mezon-test-server-logback.xml";

	/** The environment variable that sets {@code permessage-deflate} when no argument does: {@code on} or {@code off}. */
	public static final String PERMESSAGE_DEFLATE_ENV = "MEZON_TEST_SERVER_PERMESSAGE_DEFLATE";

	private static final String USAGE = "Usage: java -jar mezon-test-server.jar [--port N] [--permessage-deflate on|off]";

	private MezonTestServerMain() {
	}

	/**
	 * The command line, parsed.
	 * @param port the port, 0 for a free one
	 * @param permessageDeflate whether {@code permessage-deflate} is negotiated
	 */
	record Options(int port, boolean permessageDeflate) {
	}

	/**
	 * @param args {@code --port N} (or {@code --port=N}); without it a free port is chosen.
	 * {@code --permessage-deflate on|off} (or {@code =on|off})
	 * @throws InterruptedException if interrupted while serving
	 */
	public static void main(String[] args) throws InterruptedException {
		Options options;
		try {
			options = parse(args, System.getenv(PERMESSAGE_DEFLATE_ENV));
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.println(USAGE);
			System.exit(2);
			return;
		}
		if (System.getProperty("logback.configurationFile") == null) {
			// Before the first logger exists: Logback reads the property once, when SLF4J binds.
			System.setProperty("logback.configurationFile", LOGBACK_CONFIGURATION);
		}
		MezonTestServer server = MezonTestServer.builder()
			.port(options.port())
			.permessageDeflate(options.permessageDeflate())
			.build()
			.start();
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
		return parse(args, null).port();
	}

	/**
	 * @param args the command line
	 * @param deflateEnv the value of {@value #PERMESSAGE_DEFLATE_ENV}, {@code null} when unset
	 * @throws IllegalArgumentException naming the bad argument
	 */
	static Options parse(String[] args, @Nullable String deflateEnv) {
		int port = 0;
		boolean deflate = (deflateEnv != null && !deflateEnv.isBlank())
				? onOff(deflateEnv, PERMESSAGE_DEFLATE_ENV) : false;
		for (int i = 0; i < args.length; i++) {
			String name;
			String value;
			int eq = args[i].indexOf('=');
			if (args[i].startsWith("--") && eq > 0) {
				name = args[i].substring(0, eq);
				value = args[i].substring(eq + 1);
			}
			else if (i + 1 < args.length) {
				name = args[i];
				value = args[++i];
			}
			else {
				throw new IllegalArgumentException("Unknown argument: " + args[i]);
			}
			switch (name) {
				case "--port" -> port = port(value);
				case "--permessage-deflate" -> deflate = onOff(value, name);
				default -> throw new IllegalArgumentException("Unknown argument: " + name);
			}
		}
		return new Options(port, deflate);
	}

	private static int port(String value) {
		int port;
		try {
			port = Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("Not a port: " + value);
		}
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException("Not a port: " + value);
		}
		return port;
	}

	private static boolean onOff(String value, String name) {
		return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
			case "on", "true" -> true;
			case "off", "false" -> false;
			default -> throw new IllegalArgumentException(name + " must be on or off, not: " + value);
		};
	}

}
