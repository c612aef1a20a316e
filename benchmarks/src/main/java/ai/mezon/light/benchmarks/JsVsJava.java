package ai.mezon.light.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import ai.mezon.light.AuthenticateConfig;
import ai.mezon.light.LightClient;
import ai.mezon.light.session.SessionData;

/**
 * The published JS light SDK against this SDK, through the same server in one run (issue #15).
 * Each SDK runs in its own process with two clients (sender and receiver of one DM): Node with
 * {@code benchmarks/js/sdk-driver.cjs}, a child JVM with {@link SdkDriver}. Per server:
 * <ol>
 * <li><b>warm</b>: both drivers stay up; each round one {@code warm N} (N DMs sent pipelined,
 * done when every ack and every message at the receiver is in) to each, alternating which goes
 * first; rate and the process's CPU per message (Node {@code process.cpuUsage()}, Java
 * {@code getProcessCpuTime()}) over the round;</li>
 * <li><b>latency</b>: the same drivers, send to ack at a fixed rate, open loop;</li>
 * <li><b>cold</b>: fresh processes, alternating, each one connecting and sending one burst of N.</li>
 * </ol>
 * Servers: {@code test} (the standalone test server, {@link ai.mezon.light.test.MezonTestServerMain},
 * in a child JVM), {@code test-deflate} (the same with permessage-deflate on), {@code neutral}
 * ({@code benchmarks/js/neutral-server.cjs}, a Node server written from PROTOCOL.md) and
 * {@code neutral-deflate}. Everything binds loopback ports chosen by the OS; every wait is bounded.
 * <p>
 * {@code java -cp benchmarks/target/benchmarks.jar ai.mezon.light.benchmarks.JsVsJava [--servers test,neutral]
 * [--rounds 8] [--count 20000] [--cold 3] [--latency-count 5000] [--js-dir benchmarks/js] [--java-opt X]...}
 * from the repository root, after {@code npm ci} in {@code benchmarks/js}.
 */
public final class JsVsJava {

	private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(180);

	private static final String TEXT = "Hello from the JS-vs-Java benchmark, a short chat line";

	private final Path jsDir;

	private final List<String> javaOpts;

	private final int count;

	private JsVsJava(Path jsDir, List<String> javaOpts, int count) {
		this.jsDir = jsDir;
		this.javaOpts = javaOpts;
		this.count = count;
	}

	/**
	 * @param args see the class comment
	 * @throws Exception on any failure of a server or a driver
	 */
	public static void main(String[] args) throws Exception {
		Map<String, String> options = new LinkedHashMap<>();
		List<String> javaOpts = new ArrayList<>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			if (args[i].equals("--java-opt")) {
				javaOpts.add(args[i + 1]);
			}
			else {
				options.put(args[i], args[i + 1]);
			}
		}
		List<String> servers = List.of(options.getOrDefault("--servers", "test,neutral").split(","));
		int rounds = Integer.parseInt(options.getOrDefault("--rounds", "8"));
		int count = Integer.parseInt(options.getOrDefault("--count", "20000"));
		int cold = Integer.parseInt(options.getOrDefault("--cold", "3"));
		int latencyCount = Integer.parseInt(options.getOrDefault("--latency-count", "5000"));
		Path jsDir = Path.of(options.getOrDefault("--js-dir", "benchmarks/js")).toAbsolutePath();
		if (!Files.isDirectory(jsDir.resolve("node_modules/mezon-light-sdk"))) {
			throw new IllegalStateException("Run `npm ci` in " + jsDir + " first (mezon-light-sdk is not installed)");
		}
		JsVsJava bench = new JsVsJava(jsDir, javaOpts, count);
		System.out.println("JS vs Java: servers " + servers + ", " + rounds + " warm rounds of " + count + ", " + cold
				+ " cold bursts of " + count + ", latency " + latencyCount + " at 1000/s; load " + load());
		List<String> summary = new ArrayList<>();
		for (String server : servers) {
			summary.addAll(bench.runOn(server, rounds, cold, latencyCount));
		}
		System.out.println();
		System.out.println("Summary (load at the end " + load() + ")");
		summary.forEach(System.out::println);
	}

	private List<String> runOn(String server, int rounds, int cold, int latencyCount) throws Exception {
		List<String> summary = new ArrayList<>();
		try (Child process = startServer(server)) {
			String baseUrl = process.expectPrefix("listening on ", Duration.ofSeconds(60));
			baseUrl = baseUrl.substring(baseUrl.indexOf("http://")).split("\\s+")[0];
			System.out.println("== " + server + " at " + baseUrl);
			String jsSetUp = setUp(baseUrl, 1001);
			String javaSetUp = setUp(baseUrl, 2001);
			Map<String, List<Map<String, Double>>> warm = new LinkedHashMap<>();
			Map<String, List<Map<String, Double>>> latency = new LinkedHashMap<>();
			try (Child js = node(List.of(), jsSetUp); Child java = java(List.of(), javaSetUp)) {
				js.expectPrefix("ready", Duration.ofSeconds(60));
				java.expectPrefix("ready", Duration.ofSeconds(60));
				for (int round = 1; round <= rounds; round++) {
					for (Child driver : (round % 2 == 1) ? List.of(js, java) : List.of(java, js)) {
						Map<String, Double> result = driver.command("warm " + this.count);
						warm.computeIfAbsent(driver.name, (k) -> new ArrayList<>()).add(result);
						System.out.printf(Locale.ROOT, "%s warm round %d %s: %.0f msg/s, %.1f us CPU/msg%s (load %s)%n",
								server, round, driver.name, result.get("rate"), result.get("cpuMicros"),
								result.containsKey("switches")
										? String.format(Locale.ROOT, ", %.2f context switches/msg", result.get("switches")) : "",
								load());
					}
				}
				for (int round = 1; round <= 2; round++) {
					for (Child driver : (round % 2 == 1) ? List.of(js, java) : List.of(java, js)) {
						Map<String, Double> result = driver.command("latency 1000 " + latencyCount);
						latency.computeIfAbsent(driver.name, (k) -> new ArrayList<>()).add(result);
						System.out.printf(Locale.ROOT, "%s latency %s: p50 %.0f us, p99 %.0f us, p99.9 %.0f us, %.1f us CPU/msg%n",
								server, driver.name, result.get("p50"), result.get("p99"), result.get("p999"),
								result.get("cpuMicros"));
					}
				}
				js.send("quit");
				java.send("quit");
			}
			Map<String, List<Map<String, Double>>> colds = new LinkedHashMap<>();
			for (int trial = 1; trial <= cold; trial++) {
				for (boolean jsFirst : (trial % 2 == 1) ? List.of(true, false) : List.of(false, true)) {
					List<String> args = List.of("--cold", Integer.toString(this.count));
					try (Child driver = jsFirst ? node(args, jsSetUp) : java(args, javaSetUp)) {
						Map<String, Double> result = driver.result(driver.expectPrefix("result cold", COMMAND_TIMEOUT));
						colds.computeIfAbsent(driver.name, (k) -> new ArrayList<>()).add(result);
						System.out.printf(Locale.ROOT,
								"%s cold %s: %.0f msg/s, %.1f us CPU/msg in the burst, %.1f us CPU/msg with start-up, ready after %.0f ms%n",
								server, driver.name, result.get("rate"), result.get("cpuMicros"),
								result.get("processCpuMicros"), result.get("startMillis"));
					}
				}
			}
			for (String sdk : List.of("js", "java")) {
				List<Map<String, Double>> w = warm.get(sdk);
				List<Map<String, Double>> warmTail = w.subList(Math.min(w.size() - 1, 3), w.size());
				summary.add(String.format(Locale.ROOT,
						"| %s | %s | warm rounds %d-%d: %s msg/s, CPU %s us/msg | cold: %s msg/s, CPU %s us/msg (burst), %s us/msg (process), ready %s ms | 1000/s: p50 %s, p99 %s us |",
						server, sdk, Math.min(w.size(), 4), w.size(), stat(warmTail, "rate", 0), stat(warmTail, "cpuMicros", 1),
						stat(colds.get(sdk), "rate", 0), stat(colds.get(sdk), "cpuMicros", 1),
						stat(colds.get(sdk), "processCpuMicros", 1), stat(colds.get(sdk), "startMillis", 0),
						stat(latency.get(sdk), "p50", 0), stat(latency.get(sdk), "p99", 0)));
			}
		}
		return summary;
	}

	/** @return "median (min..max)" of one key over runs */
	private static String stat(@Nullable List<Map<String, Double>> runs, String key, int decimals) {
		if (runs == null || runs.isEmpty()) {
			return "-";
		}
		double[] values = runs.stream().mapToDouble((r) -> r.get(key)).sorted().toArray();
		double median = (values.length % 2 == 1) ? values[values.length / 2]
				: (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
		String format = "%." + decimals + "f";
		return String.format(Locale.ROOT, format + " (" + format + ".." + format + ")", median, values[0],
				values[values.length - 1]);
	}

	/**
	 * Signs in a sender ({@code firstUserId}) and a receiver ({@code firstUserId + 1}) and creates
	 * their DM, through the server's REST API.
	 * @return the drivers' first input line (JSON)
	 */
	private static String setUp(String baseUrl, int firstUserId) {
		LightClient sender = LightClient.authenticate(
				new AuthenticateConfig("bench-id-token-" + firstUserId, Integer.toString(firstUserId), "sender" + firstUserId, baseUrl, null));
		LightClient receiver = LightClient.authenticate(new AuthenticateConfig("bench-id-token-" + (firstUserId + 1),
				Integer.toString(firstUserId + 1), "receiver" + firstUserId, baseUrl, null));
		String channel = sender.createDM(receiver.userId()).channelId();
		return "{\"sender\":" + json(sender.exportSession()) + ",\"receiver\":" + json(receiver.exportSession())
				+ ",\"channel\":\"" + channel + "\",\"text\":\"" + TEXT + "\"}";
	}

	private static String json(SessionData session) {
		return String.format("{\"token\":\"%s\",\"refresh_token\":\"%s\",\"api_url\":\"%s\",\"ws_url\":\"%s\",\"user_id\":\"%s\"}",
				session.token(), session.refreshToken(), session.apiUrl(), session.wsUrl(), session.userId());
	}

	private Child startServer(String server) throws IOException {
		return switch (server) {
			case "test" -> Child.start("test-server", javaCommand(List.of(), "ai.mezon.light.test.MezonTestServerMain",
					List.of("--permessage-deflate", "off")), null);
			case "test-deflate" -> Child.start("test-server", javaCommand(List.of(),
					"ai.mezon.light.test.MezonTestServerMain", List.of("--permessage-deflate", "on")), null);
			case "neutral" -> Child.start("neutral-server", nodeCommand("neutral-server.cjs", List.of()), null);
			case "neutral-deflate" -> Child.start("neutral-server", nodeCommand("neutral-server.cjs", List.of("--deflate")),
					null);
			default -> throw new IllegalArgumentException("Unknown server: " + server);
		};
	}

	private Child node(List<String> args, String setUp) throws IOException {
		return Child.start("js", nodeCommand("sdk-driver.cjs", args), setUp);
	}

	private Child java(List<String> args, String setUp) throws IOException {
		return Child.start("java", javaCommand(this.javaOpts, SdkDriver.class.getName(), args), setUp);
	}

	private List<String> nodeCommand(String script, List<String> args) {
		List<String> command = new ArrayList<>(List.of("node", "--experimental-websocket", this.jsDir.resolve(script).toString()));
		command.addAll(args);
		return command;
	}

	private static List<String> javaCommand(List<String> jvmArgs, String main, List<String> args) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmArgs);
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(main);
		command.addAll(args);
		return command;
	}

	private static String load() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0];
		}
		catch (IOException ex) {
			return "?";
		}
	}

	/** A child process whose standard output is read line by line on a daemon thread. */
	private static final class Child implements AutoCloseable {

		final String name;

		private final Process process;

		private final OutputStream stdin;

		private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

		private Child(String name, Process process) {
			this.name = name;
			this.process = process;
			this.stdin = process.getOutputStream();
			Thread reader = new Thread(() -> {
				try (BufferedReader out = new BufferedReader(
						new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
					String line;
					while ((line = out.readLine()) != null) {
						this.lines.add(line);
					}
				}
				catch (IOException ex) {
					// The process ended.
				}
				this.lines.add("<exit>");
			}, "read-" + name);
			reader.setDaemon(true);
			reader.start();
		}

		static Child start(String name, List<String> command, @Nullable String firstLine) throws IOException {
			Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
			Child child = new Child(name, process);
			if (firstLine != null) {
				child.send(firstLine);
			}
			return child;
		}

		void send(String line) throws IOException {
			this.stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
			this.stdin.flush();
		}

		/** @return the first line starting with {@code prefix} (other lines are echoed) */
		String expectPrefix(String prefix, Duration timeout) throws InterruptedException {
			long deadline = System.nanoTime() + timeout.toNanos();
			for (;;) {
				String line = this.lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
				if (line == null) {
					throw new IllegalStateException(this.name + ": no '" + prefix + "' within " + timeout);
				}
				if (line.startsWith(prefix) || (line.contains(prefix) && prefix.startsWith("listening"))) {
					return line;
				}
				if (line.startsWith("error") || line.equals("<exit>")) {
					throw new IllegalStateException(this.name + " failed: " + line);
				}
				System.out.println("  [" + this.name + "] " + line);
			}
		}

		Map<String, Double> command(String command) throws IOException, InterruptedException {
			send(command);
			return result(expectPrefix("result", COMMAND_TIMEOUT));
		}

		Map<String, Double> result(String line) {
			Map<String, Double> values = new LinkedHashMap<>();
			for (String part : line.split("\\s+")) {
				int eq = part.indexOf('=');
				if (eq > 0) {
					values.put(part.substring(0, eq), Double.parseDouble(part.substring(eq + 1)));
				}
			}
			return values;
		}

		@Override
		public void close() throws InterruptedException {
			try {
				this.stdin.close();
			}
			catch (IOException ex) {
				// Already gone.
			}
			if (!this.process.waitFor(5, TimeUnit.SECONDS)) {
				this.process.destroy();
				if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
					this.process.destroyForcibly();
				}
			}
		}

	}

}
