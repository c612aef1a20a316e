package ai.mezon.light.benchmarks;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import ai.mezon.light.session.SessionData;
import ai.mezon.light.test.MezonTestServer;
import ai.mezon.light.test.TestChannel;

/**
 * The end-to-end load harness: starts the test server in-process and measures the SDK and a raw
 * WebSocket + protobuf client ({@link RawClient}) side by side on loopback, interleaving them in
 * every round so both see the same machine noise. Every scenario has a fixed message count and a
 * time cap; the whole run stops by itself in about three minutes.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar ai.mezon.light.benchmarks.LoadHarness
 *     [--rounds 3] [--scale 1.0] [--only inbound,outbound,capacity,latency,reconnect,footprint,startup]
 * </pre>
 *
 * Prints each figure as measured (median and min..max over the rounds) and a summary table with
 * the SDK/raw ratios and the targets of issue #8.
 */
public final class LoadHarness {

	private static final Duration CAP = Duration.ofSeconds(15);

	private static final List<String> ALL = List.of("inbound", "outbound", "capacity", "latency", "throttle", "reconnect",
			"footprint", "startup");

	private final int rounds;

	private final double scale;

	private final Set<String> only;

	private final List<String> summary = new ArrayList<>();

	private LoadHarness(int rounds, double scale, Set<String> only) {
		this.rounds = rounds;
		this.scale = scale;
		this.only = only;
	}

	public static void main(String[] args) throws Exception {
		int rounds = 3;
		double scale = 1.0;
		Set<String> only = new TreeSet<>(ALL);
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--rounds" -> rounds = Integer.parseInt(args[++i]);
				case "--scale" -> scale = Double.parseDouble(args[++i]);
				case "--only" -> only = new TreeSet<>(Arrays.asList(args[++i].split(",")));
				default -> throw new IllegalArgumentException("Unknown argument " + args[i]
						+ "; use --rounds N, --scale X, --only " + String.join(",", ALL));
			}
		}
		new LoadHarness(rounds, scale, only).run();
		System.exit(0);
	}

	private void run() throws Exception {
		long began = System.nanoTime();
		System.out.printf("Machine: %d cores, %s %s (%s), max heap %d MiB, load average %s%n",
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
				System.getProperty("java.version"), System.getProperty("os.name") + " " + System.getProperty("os.arch"),
				Runtime.getRuntime().maxMemory() >> 20, loadAverage());
		try (Fixture fixture = new Fixture()) {
			if (selected("inbound") || selected("outbound")) {
				warmUp(fixture);
			}
			if (selected("inbound")) {
				inbound(fixture, "1 channel", List.of(fixture.dm));
				inbound(fixture, "100 channels", fixture.groups);
				inboundThroughStarter(fixture, "1 channel", List.of(fixture.dm));
				inboundThroughStarter(fixture, "100 channels", fixture.groups);
			}
			if (selected("outbound")) {
				for (int inFlight : new int[] { 1, 16, 256 }) {
					outbound(fixture, inFlight);
				}
			}
			if (selected("capacity")) {
				capacity(fixture);
			}
			if (selected("latency")) {
				latency(fixture);
			}
			if (selected("throttle")) {
				throttle(fixture);
			}
			if (selected("reconnect")) {
				reconnect(fixture);
			}
			if (selected("footprint")) {
				footprint(fixture);
			}
			if (selected("startup")) {
				startup(fixture);
			}
		}
		System.out.printf("%nSummary (load average at the end %s, total %.0f s)%n%n", loadAverage(),
				(System.nanoTime() - began) / 1e9);
		System.out.println("| figure | SDK | raw | SDK/raw | target | met |");
		System.out.println("|---|---|---|---|---|---|");
		this.summary.forEach(System.out::println);
	}

	private boolean selected(String scenario) {
		return this.only.contains(scenario);
	}

	private int count(int base) {
		return Math.max(100, (int) (base * this.scale));
	}

	private void warmUp(Fixture fixture) throws Exception {
		System.out.println("Warming up (SDK, raw and server paths; not reported)...");
		for (int i = 0; i < 2; i++) {
			Inbound.run(fixture, Inbound.SDK_HANDLER, fixture.groups, 1, count(30_000), CAP);
			Inbound.run(fixture, Inbound.SDK_HANDLER, List.of(fixture.dm), 1, count(30_000), CAP);
			Inbound.run(fixture, Inbound.RAW, List.of(fixture.dm), 1, count(30_000), CAP);
			Outbound.sdk(fixture, 16, count(20_000), CAP);
			Outbound.raw(fixture, 1, 16, count(20_000), CAP);
		}
	}

	private void inbound(Fixture fixture, String label, List<TestChannel> channels) throws Exception {
		Runs sdk = new Runs();
		Runs raw = new Runs();
		int count = count(100_000);
		for (int r = 0; r < this.rounds; r++) {
			sdk.add(Inbound.run(fixture, Inbound.SDK_HANDLER, channels, 1, count, CAP));
			raw.add(Inbound.run(fixture, Inbound.RAW, channels, 1, count, CAP));
		}
		ratioRow("inbound, " + label + " (msg/s to handler)", sdk, raw, 0.80, "≥ 80 % of raw");
		System.out.printf("Inbound %s, %d messages: SDK %s, raw %s (load %s)%n", label, count, sdk.describe(),
				raw.describe(), loadAverage());
	}

	/**
	 * Inbound to an {@code @EventListener} through the starter ({@link StarterInbound}), interleaved
	 * with raw and with the SDK's handler so the bridge's own cost shows beside both.
	 */
	private void inboundThroughStarter(Fixture fixture, String label, List<TestChannel> channels) throws Exception {
		Runs starter = new Runs();
		Runs sdk = new Runs();
		Runs raw = new Runs();
		int count = count(100_000);
		// One unreported run: the first Boot context in this JVM loads Spring's classes.
		Inbound.run(fixture, StarterInbound.EVENT_LISTENER, channels, 1, count(30_000), CAP);
		for (int r = 0; r < this.rounds; r++) {
			starter.add(Inbound.run(fixture, StarterInbound.EVENT_LISTENER, channels, 1, count, CAP));
			sdk.add(Inbound.run(fixture, Inbound.SDK_HANDLER, channels, 1, count, CAP));
			raw.add(Inbound.run(fixture, Inbound.RAW, channels, 1, count, CAP));
		}
		ratioRow("inbound through the starter to an @EventListener, " + label + " (msg/s)", starter, raw, 0.80,
				"≥ 80 % of raw");
		System.out.printf("Inbound through the starter %s, %d messages: @EventListener %s, SDK handler %s, raw %s;"
				+ " @EventListener/SDK %.0f %% (CPU %.0f %%) (load %s)%n", label, count, starter.describe(), sdk.describe(),
				raw.describe(), 100 * starter.rate.median() / sdk.rate.median(),
				100 * sdk.cpu.median() / starter.cpu.median(), loadAverage());
	}

	private void outbound(Fixture fixture, int inFlight) throws Exception {
		Runs sdk = new Runs();
		Runs raw = new Runs();
		int count = count((inFlight == 1) ? 10_000 : 60_000);
		for (int r = 0; r < this.rounds; r++) {
			sdk.add(Outbound.sdk(fixture, inFlight, count, CAP));
			raw.add(Outbound.raw(fixture, 1, inFlight, count, CAP));
		}
		ratioRow("outbound sendDM, " + inFlight + " in flight (acks/s)", sdk, raw, 0.70, "≥ 70 % of raw");
		System.out.printf("Outbound %d in flight, %d sends: SDK %s, raw %s (load %s)%n", inFlight, count,
				sdk.describe(), raw.describe(), loadAverage());
	}

	/**
	 * The server under more raw load than one connection gives. Everything shares the machine's
	 * cores, so this shows the server keeps up with several clients; the raw rows themselves show
	 * it sustains more than each SDK figure on the same path.
	 */
	private void capacity(Fixture fixture) throws Exception {
		Runs acks = new Runs();
		Runs pushes = new Runs();
		for (int r = 0; r < this.rounds; r++) {
			acks.add(Outbound.raw(fixture, 4, 256, count(40_000), CAP));
			pushes.add(Inbound.run(fixture, Inbound.RAW, List.of(fixture.dm), 4, count(50_000), CAP));
		}
		this.summary.add("| server, acks/s with 4 raw connections × 256 in flight (4 sender threads) | – | "
				+ acks.describe() + " | – | – | – |");
		this.summary.add("| server, pushes/s of 1 channel fanned out to 4 raw receivers | – | " + pushes.describe()
				+ " | – | – | – |");
		System.out.printf("Server capacity: %s acks/s (4 raw × 256 in flight), %s pushes/s (4 raw receivers) (load %s)%n",
				acks.describe(), pushes.describe(), loadAverage());
	}

	/** Two rounds, SDK and raw interleaved; each round is 10 s of sends at 1 000 msg/s. */
	private void latency(Fixture fixture) throws Exception {
		int count = count(10_000);
		List<Latency.Result> sdk = new ArrayList<>();
		List<Latency.Result> raw = new ArrayList<>();
		for (int r = 0; r < 2; r++) {
			sdk.add(Latency.sdk(fixture, 1000, count));
			raw.add(Latency.raw(fixture, 1000, count));
			System.out.printf("Latency send→ack at 1 000 msg/s, %d sends (µs): SDK p50 %.0f p99 %.0f p99.9 %.0f max %.0f;"
					+ " raw p50 %.0f p99 %.0f p99.9 %.0f max %.0f (load %s)%n", count, sdk.get(r).p50(), sdk.get(r).p99(),
					sdk.get(r).p999(), sdk.get(r).max(), raw.get(r).p50(), raw.get(r).p99(), raw.get(r).p999(),
					raw.get(r).max(), loadAverage());
		}
		double worstSdkP99 = Math.max(sdk.get(0).p99(), sdk.get(1).p99());
		this.summary.add(String.format("| send→ack p50 / p99 / p99.9 at 1 000 msg/s (µs), 2 runs of %d | %s | %s | "
				+ "p99 %.2f / %.2f | p99 ≤ 2 000 µs | %s |", count, percentiles(sdk), percentiles(raw),
				sdk.get(0).p99() / raw.get(0).p99(), sdk.get(1).p99() / raw.get(1).p99(), yes(worstSdkP99 <= 2000)));
	}

	/**
	 * The send throttle on (80 a second, the default) under 200 sends a second for 3 s: every send
	 * waits its slot, none is lost. The other scenarios run with the throttle off.
	 */
	private void throttle(Fixture fixture) throws Exception {
		Latency.Throttled run = Latency.sdkThrottled(fixture, 200, 600, 80);
		System.out.printf("Throttle at 80/s, 600 sends offered at 200/s: %d acked, %d lost, at most %d waiting,"
				+ " last ack after %.1f s; latency p50 %.0f ms p99 %.0f ms max %.0f ms (load %s)%n", run.acked(),
				run.sent() - run.acked(), run.mostWaiting(), run.seconds(), run.latency().p50() / 1e3,
				run.latency().p99() / 1e3, run.latency().max() / 1e3, loadAverage());
		this.summary.add(String.format("| send throttle on (80/s), 600 sends offered at 200/s | %d acked, %d lost, "
				+ "at most %d waiting, done in %.1f s, p50 %.0f ms / max %.0f ms | – | – | no loss, order kept | %s |",
				run.acked(), run.sent() - run.acked(), run.mostWaiting(), run.seconds(), run.latency().p50() / 1e3,
				run.latency().max() / 1e3, yes(run.acked() == run.sent())));
	}

	private static String percentiles(List<Latency.Result> results) {
		return results.stream()
			.map((r) -> String.format("%.0f / %.0f / %.0f", r.p50(), r.p99(), r.p999()))
			.collect(java.util.stream.Collectors.joining("; "));
	}

	private void reconnect(Fixture fixture) throws Exception {
		List<Reconnect.Trial> trials = Reconnect.run(fixture, 8);
		Series handshake = new Series();
		Series rejoined = new Series();
		for (Reconnect.Trial trial : trials) {
			handshake.add(trial.toHandshake());
			rejoined.add(trial.toRejoined());
		}
		System.out.printf("Reconnect (backoff %d..%d ms), 101 channels: server back → handshake %s ms,"
				+ " → all rejoined %s ms (load %s)%n", Reconnect.INITIAL.toMillis(), Reconnect.MAX.toMillis(),
				handshake.describe("%.1f"), rejoined.describe("%.1f"), loadAverage());
		this.summary.add("| reconnect: server back → CONNECTED with 101 channels rejoined (ms) | "
				+ rejoined.describe("%.0f") + " | – | – | ≤ 1 000 ms | " + yes(rejoined.max() <= 1000) + " |");
	}

	private void footprint(Fixture fixture) throws Exception {
		int n = 20;
		Map<String, Double> each = new LinkedHashMap<>();
		for (String kind : List.of("sdk", "raw")) {
			StringBuilder stdin = new StringBuilder(fixture.dm.idString()).append('\n');
			for (int i = 0; i <= n; i++) {
				SessionData s = fixture.server.issueSession(fixture.self);
				stdin.append(s.token()).append('\t').append(s.refreshToken()).append('\t').append(s.apiUrl())
					.append('\t').append(s.userId()).append('\n');
			}
			List<String> out = ChildJvm.run(FootprintProbe.class, List.of("-Xmx256m"), List.of(kind, Integer.toString(n)),
					stdin.toString(), Duration.ofSeconds(60));
			each.put(kind, ChildJvm.value(out, "FOOTPRINT", "each"));
			System.out.printf("Footprint %s: first client %.0f KiB (includes shared statics), each further %.0f KiB (%d clients)%n",
					kind, ChildJvm.value(out, "FOOTPRINT", "first") / 1024, each.get(kind) / 1024, n);
		}
		double sdk = each.get("sdk");
		double raw = each.get("raw");
		this.summary.add(String.format("| heap per idle connected client (KiB, %d clients) | %.0f | %.0f | %.1f | ≤ 5 120 KiB | %s |",
				n, sdk / 1024, raw / 1024, sdk / raw, yes(sdk <= 5 * 1024 * 1024)));
	}

	private void startup(Fixture fixture) throws Exception {
		MezonTestServer server = fixture.server;
		Map<String, List<String>> variants = new LinkedHashMap<>();
		variants.put("excluded", List.of("--spring.autoconfigure.exclude=ai.mezon.light.autoconfigure.MezonAutoConfiguration"));
		variants.put("disabled", List.of("--mezon.enabled=false"));
		variants.put("enabled", List.of("--mezon.gateway-url=" + server.baseUrl(),
				"--mezon.id-token=" + MezonTestServer.TEST_ID_TOKEN, "--mezon.user-id=" + fixture.self.idString(),
				"--mezon.username=" + fixture.self.username(), "--mezon.allow-insecure-transport=true"));
		// The same, from a configured session instead of signing in: splits off the REST round trip.
		SessionData session = server.issueSession(fixture.self);
		variants.put("enabled-session", List.of("--mezon.session.token=" + session.token(),
				"--mezon.session.refresh-token=" + session.refreshToken(), "--mezon.session.api-url=" + session.apiUrl(),
				"--mezon.session.ws-url=" + session.wsUrl(), "--mezon.session.user-id=" + session.userId(),
				"--mezon.allow-insecure-transport=true"));
		Map<String, Series> run = new LinkedHashMap<>();
		Map<String, Series> jvm = new LinkedHashMap<>();
		// Where the enabled variants spend it: see StartupProbe's SPLIT line.
		List<String> parts = List.of("client", "socket", "signin_warm", "connect_warm");
		Map<String, Map<String, Series>> split = new LinkedHashMap<>();
		variants.keySet().forEach((key) -> {
			run.put(key, new Series());
			jvm.put(key, new Series());
			if (key.startsWith("enabled")) {
				Map<String, Series> each = new LinkedHashMap<>();
				parts.forEach((part) -> each.put(part, new Series()));
				split.put(key, each);
			}
		});
		int repeats = Math.max(3, this.rounds + 2);
		for (int r = 0; r < repeats; r++) {
			for (Map.Entry<String, List<String>> variant : variants.entrySet()) {
				List<String> out = ChildJvm.run(StartupProbe.class, List.of("-Xshare:auto",
						"-Dprobe.logStartupInfo=" + System.getProperty("probe.logStartupInfo", "true")), variant.getValue(), "",
						Duration.ofSeconds(60));
				run.get(variant.getKey()).add(ChildJvm.value(out, "STARTUP", "run"));
				jvm.get(variant.getKey()).add(ChildJvm.value(out, "STARTUP", "jvm"));
				if (split.containsKey(variant.getKey())) {
					split.get(variant.getKey()).forEach((part, series) -> series.add(ChildJvm.value(out, "SPLIT", part)));
				}
			}
		}
		for (String key : variants.keySet()) {
			System.out.printf("Start-up, Mezon auto-configuration %s: SpringApplication.run %s ms, JVM start → ready %s ms%n",
					key, run.get(key).describe("%.0f"), jvm.get(key).describe("%.0f"));
		}
		split.forEach((key, each) -> System.out.printf("Start-up split, %s (ms): LightClient bean cold %s, warm again %s;"
				+ " socket lifecycle start cold %s, connect warm again %s%n", key, each.get("client").describe("%.0f"),
				each.get("signin_warm").describe("%.1f"), each.get("socket").describe("%.0f"),
				each.get("connect_warm").describe("%.1f")));
		double added = jvm.get("enabled").median() - jvm.get("excluded").median();
		this.summary.add(String.format("| start-up added by the starter, enabled vs excluded (ms, JVM start → ready) | "
				+ "%.0f → %.0f | – | +%.0f ms | ≤ 300 ms | %s |", jvm.get("excluded").median(), jvm.get("enabled").median(),
				added, yes(added <= 300)));
		System.out.printf("Start-up added (medians): enabled %+.0f ms, enabled from a configured session %+.0f ms,"
				+ " disabled %+.0f ms vs excluded (load %s)%n", added,
				jvm.get("enabled-session").median() - jvm.get("excluded").median(),
				jvm.get("disabled").median() - jvm.get("excluded").median(), loadAverage());
	}

	/** Rate ratio (the target's measure) and, steadier on a shared machine, the CPU ratio. */
	private void ratioRow(String label, Runs sdk, Runs raw, double target, String targetText) {
		double ratio = sdk.rate.median() / raw.rate.median();
		this.summary.add(String.format("| %s | %s | %s | %.0f %% (raw/SDK CPU per msg %.0f %%) | %s | %s |", label,
				sdk.describe(), raw.describe(), ratio * 100, 100 * raw.cpu.median() / sdk.cpu.median(), targetText,
				yes(ratio >= target)));
	}

	/** Rates and CPU per message of repeated runs of one side. */
	private static final class Runs {

		final Series rate = new Series();

		final Series cpu = new Series();

		final Series switches = new Series();

		void add(Run run) {
			if (Double.isNaN(run.rate())) {
				System.out.println("  (a run hit its time cap and is left out)");
			}
			else {
				this.rate.add(run.rate());
				this.cpu.add(run.cpuMicros());
				if (!Double.isNaN(run.switches())) {
					this.switches.add(run.switches());
				}
			}
		}

		String describe() {
			return this.rate.describe("%.0f") + "; CPU " + this.cpu.describe("%.1f") + " µs/msg; "
					+ (this.switches.isEmpty() ? "" : String.format("%.2f", this.switches.median()) + " ctx sw/msg");
		}

	}

	private static String yes(boolean met) {
		return met ? "yes" : "**no**";
	}

	private static String loadAverage() {
		double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		return (load < 0) ? "n/a" : String.format("%.2f", load);
	}

}
