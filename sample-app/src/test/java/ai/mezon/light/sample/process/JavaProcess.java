package ai.mezon.light.sample.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * A JVM started by a test on this test's class path: its output is kept (and copied to a file
 * under {@code target/} for the post-mortem), it can be killed with SIGKILL ({@code kill -9}), and
 * it is killed when the test ends.
 */
final class JavaProcess implements AutoCloseable {

	private final String name;

	private final Process process;

	private final List<String> lines = new CopyOnWriteArrayList<>();

	private JavaProcess(String name, Process process, Path log) {
		this.name = name;
		this.process = process;
		Thread reader = new Thread(() -> {
			try (BufferedReader in = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = in.readLine()) != null) {
					this.lines.add(line);
					Files.writeString(log, line + System.lineSeparator(), StandardCharsets.UTF_8,
							java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
				}
			}
			catch (IOException ex) {
				// The process ended.
			}
		}, name + "-output");
		reader.setDaemon(true);
		reader.start();
	}

	/**
	 * @param name for the log file and thread names
	 * @param mainClass the main class, on this JVM's class path
	 * @param jvmArgs JVM options
	 * @param args program arguments
	 * @return the started process
	 */
	static JavaProcess start(String name, Class<?> mainClass, List<String> jvmArgs, List<String> args) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx256m");
		command.add("-XX:TieredStopAtLevel=1");
		command.addAll(jvmArgs);
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(mainClass.getName());
		command.addAll(args);
		Path logs = Path.of("target", "process-logs");
		Files.createDirectories(logs);
		Path log = logs.resolve(name + "-" + System.currentTimeMillis() + ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		return new JavaProcess(name, process, log);
	}

	/** Waits for a line of output that matches, failing after {@code within}. */
	String awaitLine(Predicate<String> matching, Duration within) {
		await(this.name + " prints the expected line").atMost(within)
			.pollInterval(Duration.ofMillis(50))
			.until(() -> this.lines.stream().anyMatch(matching) || !this.process.isAlive());
		return this.lines.stream()
			.filter(matching)
			.findFirst()
			.orElseThrow(() -> new AssertionError(this.name + " ended without the expected line; output:\n"
					+ String.join("\n", this.lines)));
	}

	List<String> lines() {
		return List.copyOf(this.lines);
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	/** {@code kill -9}: no shutdown hook, no graceful close, as a crash. */
	void kill() throws InterruptedException {
		this.process.destroyForcibly();
		if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
			throw new AssertionError(this.name + " survived SIGKILL");
		}
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			kill();
		}
	}

	@Override
	public String toString() {
		return this.name + "[pid " + this.process.pid() + "]";
	}

}
