package ai.mezon.light.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ai.mezon.light.ClientInitConfig;
import ai.mezon.light.LightClient;
import ai.mezon.light.LightSocket;
import ai.mezon.light.SocketOptions;
import ai.mezon.light.message.MessageAck;

/**
 * The Java side of {@link JsVsJava}: drives this SDK with two clients in one JVM, a sender and a
 * receiver joined to the same DM, exactly as {@code benchmarks/js/sdk-driver.cjs} drives the
 * published JS SDK, and speaks the same line protocol (see that file): line 1 of standard input is
 * the JSON set-up (sessions, channel, text), then {@code warm N}, {@code latency RATE N} and
 * {@code quit}, each answered by one {@code result ...} line. With {@code --cold N} it runs one
 * burst and exits. Sends use the public API a user would ({@code sendDM(channelId, text)}), with
 * {@link #socketOptions()}.
 */
public final class SdkDriver {

	private final AtomicLong received = new AtomicLong();

	private volatile long target = Long.MAX_VALUE;

	private volatile CountDownLatch allIn = new CountDownLatch(0);

	private final LightSocket sender;

	private final LightSocket receiver;

	private final String channel;

	private final String text;

	private SdkDriver(JsonNode config) {
		this.channel = config.get("channel").asString();
		this.text = config.get("text").asString();
		this.receiver = socket(config.get("receiver"));
		this.receiver.onChannelMessage((message) -> {
			if (this.received.incrementAndGet() == this.target) {
				this.allIn.countDown();
			}
		});
		this.sender = socket(config.get("sender"));
		this.receiver.connect().orTimeout(30, TimeUnit.SECONDS).join();
		this.sender.connect().orTimeout(30, TimeUnit.SECONDS).join();
		this.receiver.joinDMChannel(this.channel).orTimeout(10, TimeUnit.SECONDS).join();
		this.sender.joinDMChannel(this.channel).orTimeout(10, TimeUnit.SECONDS).join();
	}

	/**
	 * The socket options of both clients: defaults, except a request timeout long enough for
	 * 20,000 pipelined sends on a busy machine, and no send throttle (on by default at 80 a second,
	 * as in Mezon's own SDKs; the JS light SDK has none): the figures compare the SDKs' own costs.
	 */
	static SocketOptions socketOptions() {
		return SocketOptions.builder().requestTimeout(Duration.ofSeconds(60)).sendRate(0).build();
	}

	private static LightSocket socket(JsonNode session) {
		LightClient client = LightClient.initClient(new ClientInitConfig(session.get("token").asString(),
				session.get("refresh_token").asString(), session.get("api_url").asString(),
				session.get("ws_url").asString(), session.get("user_id").asString(), null));
		return client.createSocket(socketOptions());
	}

	/** Arms the receiver count: {@link #allIn} opens after {@code count} more messages. */
	private CountDownLatch expect(long count) {
		CountDownLatch latch = new CountDownLatch(1);
		this.allIn = latch;
		this.target = this.received.get() + count;
		if (this.received.get() >= this.target) {
			latch.countDown();
		}
		return latch;
	}

	String warm(int count) throws Exception {
		CountDownLatch in = expect(count);
		CountDownLatch acked = new CountDownLatch(count);
		AtomicReference<Throwable> failure = new AtomicReference<>();
		AtomicLong ackedAt = new AtomicLong();
		long switches0 = Run.contextSwitches();
		long cpu0 = Run.cpuNanos();
		long t0 = System.nanoTime();
		for (int i = 0; i < count; i++) {
			this.sender.sendDM(this.channel, this.text).whenComplete((ack, ex) -> {
				if (ex != null) {
					failure.compareAndSet(null, ex);
				}
				acked.countDown();
				if (acked.getCount() == 0) {
					ackedAt.set(System.nanoTime());
				}
			});
		}
		await(acked, "acks");
		if (failure.get() != null) {
			throw new IllegalStateException("A send failed", failure.get());
		}
		await(in, "messages at the receiver");
		long t1 = System.nanoTime();
		double seconds = (t1 - t0) / 1e9;
		long switches = Run.contextSwitches();
		return String.format(Locale.ROOT, "n=%d seconds=%.4f rate=%.0f ackRate=%.0f cpuMicros=%.2f switches=%.2f", count,
				seconds, count / seconds, count / ((ackedAt.get() - t0) / 1e9), (Run.cpuNanos() - cpu0) / 1e3 / count,
				(switches < 0 || switches0 < 0) ? Double.NaN : (double) (switches - switches0) / count);
	}

	String latency(int rate, int count) throws Exception {
		CountDownLatch in = expect(count);
		long[] nanos = new long[count];
		CountDownLatch acked = new CountDownLatch(count);
		AtomicReference<Throwable> failure = new AtomicReference<>();
		long period = 1_000_000_000L / rate;
		long cpu0 = Run.cpuNanos();
		long start = System.nanoTime();
		for (int i = 0; i < count; i++) {
			long due = start + i * period;
			long wait;
			while ((wait = due - System.nanoTime()) > 0) {
				LockSupport.parkNanos(wait);
			}
			int index = i;
			long sent = System.nanoTime();
			CompletableFuture<MessageAck> ack = this.sender.sendDM(this.channel, this.text);
			ack.whenComplete((a, ex) -> {
				nanos[index] = System.nanoTime() - sent;
				if (ex != null) {
					failure.compareAndSet(null, ex);
				}
				acked.countDown();
			});
		}
		await(acked, "acks");
		if (failure.get() != null) {
			throw new IllegalStateException("A send failed", failure.get());
		}
		await(in, "messages at the receiver");
		double cpu = (Run.cpuNanos() - cpu0) / 1e3 / count;
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return String.format(Locale.ROOT, "n=%d p50=%.0f p99=%.0f p999=%.0f max=%.0f cpuMicros=%.2f", count,
				Series.percentile(sorted, 50) / 1e3, Series.percentile(sorted, 99) / 1e3,
				Series.percentile(sorted, 99.9) / 1e3, sorted[count - 1] / 1e3, cpu);
	}

	private static void await(CountDownLatch latch, String what) throws InterruptedException {
		if (!latch.await(120, TimeUnit.SECONDS)) {
			throw new IllegalStateException("Not all " + what + " within 120 s (" + latch.getCount() + " missing)");
		}
	}

	private void close() {
		this.sender.disconnect();
		this.receiver.disconnect();
	}

	/**
	 * @param args {@code --cold N} for one burst in this fresh JVM, else commands on standard input
	 * @throws Exception on any failure (printed as an {@code error} line first)
	 */
	public static void main(String[] args) throws Exception {
		BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		try {
			JsonNode config = JsonMapper.builder().build().readTree(in.readLine());
			if (args.length == 2 && args[0].equals("--cold")) {
				int count = Integer.parseInt(args[1]);
				SdkDriver driver = new SdkDriver(config);
				long ready = System.currentTimeMillis();
				String result = driver.warm(count);
				long processCpu = Run.cpuNanos();
				System.out.println("result cold " + result + " startMillis="
						+ (ready - ManagementFactory.getRuntimeMXBean().getStartTime())
						+ String.format(Locale.ROOT, " processCpuMicros=%.2f", processCpu / 1e3 / count));
				System.out.flush();
				driver.close();
				System.exit(0);
			}
			SdkDriver driver = new SdkDriver(config);
			System.out.println("ready");
			System.out.flush();
			String line;
			while ((line = in.readLine()) != null) {
				List<String> words = new ArrayList<>(Arrays.asList(line.trim().split("\\s+")));
				String result = switch (words.get(0)) {
					case "warm" -> "result warm " + driver.warm(Integer.parseInt(words.get(1)));
					case "latency" -> "result latency "
							+ driver.latency(Integer.parseInt(words.get(1)), Integer.parseInt(words.get(2)));
					case "quit" -> null;
					default -> throw new IllegalArgumentException("Unknown command: " + line);
				};
				if (result == null) {
					break;
				}
				System.out.println(result);
				System.out.flush();
			}
			driver.close();
			System.exit(0);
		}
		catch (Exception | Error ex) {
			System.out.println("error " + ex);
			System.out.flush();
			ex.printStackTrace();
			System.exit(1);
		}
	}

}
