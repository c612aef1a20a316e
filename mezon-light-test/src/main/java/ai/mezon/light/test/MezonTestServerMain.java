package ai.mezon.light.test;

import java.util.concurrent.CountDownLatch;

/**
 * Runs a {@link MezonTestServer} standalone, for demos and for clients in other languages:
 * {@code java -jar mezon-test-server.jar [--port N]}. Prints
 * {@code Mezon test server listening on http://127.0.0.1:PORT} once it listens and serves until
 * the process is stopped.
 */
public final class MezonTestServerMain {

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
		MezonTestServer server = MezonTestServer.builder().port(port).build().start();
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
