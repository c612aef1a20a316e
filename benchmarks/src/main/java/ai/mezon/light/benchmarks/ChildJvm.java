package ai.mezon.light.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a probe in a fresh JVM on the harness's own class path: start-up must be timed from a cold
 * JVM, and a client's heap must be measured away from the in-process server's.
 */
final class ChildJvm {

	private ChildJvm() {
	}

	/**
	 * @param stdin written to the child's standard input (e.g. session tokens, kept off its command line)
	 * @return the child's standard output lines
	 */
	static List<String> run(Class<?> main, List<String> jvmArgs, List<String> args, String stdin, Duration timeout)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmArgs);
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(main.getName());
		command.addAll(args);
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		try (OutputStream in = process.getOutputStream()) {
			in.write(stdin.getBytes(StandardCharsets.UTF_8));
		}
		byte[] out = process.getInputStream().readAllBytes();
		if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException(main.getSimpleName() + " did not finish within " + timeout);
		}
		if (process.exitValue() != 0) {
			throw new IllegalStateException(main.getSimpleName() + " exited with " + process.exitValue());
		}
		return new String(out, StandardCharsets.UTF_8).lines().toList();
	}

	/** @return the value of {@code key=value} in the line starting with {@code prefix} */
	static double value(List<String> lines, String prefix, String key) {
		for (String line : lines) {
			if (line.startsWith(prefix)) {
				for (String part : line.substring(prefix.length()).trim().split("\\s+")) {
					if (part.startsWith(key + "=")) {
						return Double.parseDouble(part.substring(key.length() + 1));
					}
				}
			}
		}
		throw new IllegalStateException("No " + key + " in " + lines);
	}

}
