package ai.mezon.light.test;

import java.util.concurrent.CountDownLatch;

import org.jspecify.annotations.Nullable;

/**
 * Runs a {@link MezonTestServer} standalone, for demos and for clients in other languages:
 * {@code java -jar mezon-test-server.jar [--port N] [--permessage-deflate on|off]}. Prints
 * {@code Mezon test server listening on http://127.0.0.1:PORT} once it listens and serves until
 * the process is stopped.
 * <p>
 * {@code --permessage-deflate} (or the environment variable
 * {@value #PERMESSAGE_DEFLATE_ENV}, the argument winning) sets
 * {@link MezonTestServer.Builder#permessageDeflate(boolean)}; off by default.
 */
public final class MezonTestServerMain {

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
		System.out.println(MezonTestServer.LISTENING_PREFIX + server.baseUrl());
		System.out.flush();
		stopped.await();
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
