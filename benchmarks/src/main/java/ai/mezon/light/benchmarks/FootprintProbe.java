package ai.mezon.light.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import ai.mezon.light.ClientInitConfig;
import ai.mezon.light.LightClient;
import ai.mezon.light.LightSocket;
import ai.mezon.light.session.SessionData;

/**
 * Scenario 5a, run in a child JVM by the harness: the retained heap of idle connected clients.
 * Reads a DM channel id and session lines (token, refresh token, URL, user id; tab-separated) from
 * standard input. One client is connected first so class initialisation and shared statics
 * (mappers, protobuf defaults, the WebSocket container's threads) are not charged to the others;
 * then N more connect and join the DM, and the heap after forced collections is compared.
 * Prints {@code FOOTPRINT first=<bytes> each=<bytes>}.
 *
 * <p>Arguments: {@code sdk|raw N}.
 */
public final class FootprintProbe {

	private FootprintProbe() {
	}

	public static void main(String[] args) throws Exception {
		boolean sdk = args[0].equals("sdk");
		int n = Integer.parseInt(args[1]);
		BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		String channelId = in.readLine();
		List<SessionData> sessions = new ArrayList<>();
		for (String line; (line = in.readLine()) != null && !line.isBlank();) {
			String[] f = line.split("\t");
			sessions.add(new SessionData(f[0], f[1], f[2], f[2], f[3]));
		}
		List<Object> keep = new ArrayList<>();
		long empty = settledHeap();
		keep.add(open(sdk, sessions.get(0), channelId));
		long one = settledHeap();
		for (int i = 1; i <= n; i++) {
			keep.add(open(sdk, sessions.get(i), channelId));
		}
		long all = settledHeap();
		System.out.println("FOOTPRINT first=" + (one - empty) + " each=" + ((all - one) / n) + " clients=" + keep.size());
		System.exit(0);
	}

	private static Object open(boolean sdk, SessionData session, String channelId) throws Exception {
		if (sdk) {
			LightClient client = LightClient.initClient(ClientInitConfig.from(session));
			LightSocket socket = client.createSocket();
			socket.connect().get(10, TimeUnit.SECONDS);
			socket.joinDMChannel(channelId).get(10, TimeUnit.SECONDS);
			return socket;
		}
		RawClient raw = RawClient.connect(session);
		raw.join(List.of(Long.parseLong(channelId)), 3);
		return raw;
	}

	/** Heap in use after collections, once the idle pool threads and handshakes have settled. */
	private static long settledHeap() throws InterruptedException {
		Thread.sleep(500);
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(100);
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

}
