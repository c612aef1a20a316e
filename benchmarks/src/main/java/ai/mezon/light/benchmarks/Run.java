package ai.mezon.light.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * One throughput run: messages per second, and the CPU time the whole process (client, server and
 * injector alike) spent per message. The second is steadier than the first on a shared machine:
 * other processes' load lowers the rate far more than it changes the work done per message.
 * Context switches per message (Linux only) show how much of that CPU goes to thread hand-offs.
 * @param rate messages per second, NaN when the run hit its time cap
 * @param cpuMicros process CPU microseconds per message
 * @param switches context switches of the process's threads per message, NaN where unknown
 */
record Run(double rate, double cpuMicros, double switches) {

	static final Run CAPPED = new Run(Double.NaN, Double.NaN, Double.NaN);

	/** @return context switches of the live threads of this process so far, -1 where unknown */
	static long contextSwitches() {
		try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
			return tasks.mapToLong(Run::switchesOf).sum();
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	private static long switchesOf(Path task) {
		try {
			return Files.readAllLines(task.resolve("status")).stream()
				.filter((line) -> line.contains("ctxt_switches:"))
				.mapToLong((line) -> Long.parseLong(line.substring(line.indexOf(':') + 1).trim()))
				.sum();
		}
		catch (IOException | RuntimeException ex) {
			// The thread ended meanwhile.
			return 0;
		}
	}

	/** @return the process's CPU time so far, in nanoseconds */
	static long cpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	static Run of(long messages, long startNanos, long endNanos, long startCpu, long startSwitches) {
		long switches = contextSwitches();
		return new Run(messages / ((endNanos - startNanos) / 1e9), (cpuNanos() - startCpu) / 1e3 / messages,
				(switches < 0 || startSwitches < 0) ? Double.NaN : (double) (switches - startSwitches) / messages);
	}

}
