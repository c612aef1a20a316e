package ai.mezon.light.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import ai.mezon.light.LightSocket;
import ai.mezon.light.message.ChannelType;
import ai.mezon.light.test.TestChannel;

/**
 * Scenario 1, inbound: a simulated sender publishes messages through the server (server-side
 * injection, {@code sendRawAs}); the figure is messages per second reaching the receiver's code.
 *
 * <p>Receivers are {@link Target}s so other delivery paths plug in without touching the loop: the
 * SDK's {@code onChannelMessage} handler, the raw client, and (once the starter publishes socket
 * events) an {@code @EventListener} in a Boot application. The injector keeps at most
 * {@link #WINDOW} messages undelivered, so the server's outbound queues stay bounded and the
 * figure is the receiver's rate, not how fast the server can buffer.
 */
final class Inbound {

	static final int WINDOW = 4096;

	private Inbound() {
	}

	/** Something that receives the pushed messages of some channels. */
	interface Target extends AutoCloseable {

		@Override
		void close();

		/** @return what to print when a run hits its cap */
		default String diagnostics() {
			return "";
		}

	}

	/** Opens a target on the given channels; each delivered message must call {@code delivered}. */
	interface TargetFactory {

		Target open(Fixture fixture, List<TestChannel> channels, Runnable delivered) throws Exception;

	}

	/** The SDK: a socket with one {@code onChannelMessage} handler that counts. */
	static final TargetFactory SDK_HANDLER = (fixture, channels, delivered) -> {
		LightSocket socket = fixture.socket(Fixture.socketOptions().build());
		socket.onChannelMessage((message) -> delivered.run());
		List<CompletableFuture<Void>> joins = new ArrayList<>();
		for (TestChannel channel : channels) {
			joins.add((channel.type() == ChannelType.DM) ? socket.joinDMChannel(channel.idString())
					: socket.joinGroupChannel(channel.idString()));
		}
		CompletableFuture.allOf(joins.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
		return new Target() {

			@Override
			public void close() {
				socket.disconnect();
			}

			@Override
			public String diagnostics() {
				return socket.getState() + " " + socket.getMetrics();
			}

		};
	};

	/** The baseline: the raw client counting decoded {@code channel_message} pushes. */
	static final TargetFactory RAW = (fixture, channels, delivered) -> {
		RawClient raw = fixture.raw();
		raw.listen(new RawClient.Listener() {

			@Override
			public void onPush(ai.mezon.light.proto.realtime.Envelope envelope) {
				if (envelope.hasChannelMessage()) {
					delivered.run();
				}
			}

		});
		for (TestChannel channel : channels) {
			raw.join(List.of(channel.id()), channel.type().wireType());
		}
		return raw::close;
	};

	/**
	 * Runs once.
	 * @param receivers how many receivers of that kind (more than 1 measures the server's fan-out)
	 * @return delivered messages per second and CPU per message, NaN when the time cap struck first
	 */
	static Run run(Fixture fixture, TargetFactory factory, List<TestChannel> channels, int receivers, int count,
			Duration cap) throws Exception {
		long expected = (long) count * receivers;
		AtomicLong delivered = new AtomicLong();
		CountDownLatch done = new CountDownLatch(1);
		long[] doneAt = new long[1];
		Runnable onDelivered = () -> {
			if (delivered.incrementAndGet() == expected) {
				doneAt[0] = System.nanoTime();
				done.countDown();
			}
		};
		List<Target> targets = new ArrayList<>();
		try {
			for (int r = 0; r < receivers; r++) {
				targets.add(factory.open(fixture, channels, onDelivered));
			}
			long start = System.nanoTime();
			long startCpu = Run.cpuNanos();
			long startSwitches = Run.contextSwitches();
			long deadline = start + cap.toNanos();
			for (int i = 0; i < count; i++) {
				while ((long) i * receivers - delivered.get() >= (long) WINDOW * receivers) {
					if (System.nanoTime() - deadline > 0) {
						System.out.printf("  (capped: %d of %d delivered, %d injected) %s%n", delivered.get(), expected,
								(long) i * receivers, targets.stream().map(Target::diagnostics).toList());
						return Run.CAPPED;
					}
					LockSupport.parkNanos(20_000);
				}
				fixture.server.sendRawAs(fixture.sender, channels.get(i % channels.size()), Fixture.CONTENT);
			}
			long seen = -1;
			while (!done.await(1, TimeUnit.SECONDS) && System.nanoTime() - deadline < 0) {
				// No progress for a whole second: show where the receivers stand (queued, paused...).
				if (delivered.get() == seen) {
					System.out.printf("  (stalled: %d of %d delivered) %s%n", seen, expected,
							targets.stream().map(Target::diagnostics).toList());
				}
				seen = delivered.get();
			}
			if (!done.await(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
				System.out.printf("  (capped: %d of %d delivered, all injected) %s%n", delivered.get(), expected,
						targets.stream().map(Target::diagnostics).toList());
				return Run.CAPPED;
			}
			return Run.of(expected, start, doneAt[0], startCpu, startSwitches);
		}
		finally {
			targets.forEach(Target::close);
		}
	}

}
