package ai.mezon.light;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import ai.mezon.light.message.Attachment;

/**
 * One SDK call in a JVM of its own, run by {@link SmallHeapTests} with a small heap. Arguments: the
 * server's base URL, then
 * <ul>
 * <li>{@code upload-stream <file>}: {@link LightClient#uploadFile(Path)}; prints
 * {@code uploaded <size>};</li>
 * <li>{@code upload-bytes <file>}: reads the file into memory first and uploads the bytes (the
 * control, which must run out of memory);</li>
 * <li>{@code authenticate <max-response-size>}: {@link LightClient#authenticate}; prints
 * {@code refused <exception>} when it fails with a {@link MezonException}.</li>
 * </ul>
 */
public final class SmallHeapProcess {

	private SmallHeapProcess() {
	}

	/** The process's peak resident set size on Linux (for the record, not asserted), else "". */
	private static String peakResidentSize() {
		try {
			return Files.readAllLines(Path.of("/proc/self/status"))
				.stream()
				.filter((line) -> line.startsWith("VmHWM:"))
				.map((line) -> ", peak RSS " + line.substring(6).trim())
				.findFirst()
				.orElse("");
		}
		catch (java.io.IOException ex) {
			return "";
		}
	}

	public static void main(String[] args) throws Exception {
		String base = args[0];
		LightClientOptions.Builder options = LightClientOptions.builder().requestTimeout(Duration.ofSeconds(120));
		switch (args[1]) {
			case "upload-stream", "upload-bytes" -> {
				String token = TestJwts.token(42, Instant.now().plusSeconds(3600));
				LightClient client = LightClient.initClient(new ClientInitConfig(token, token, base, null, "42", null),
						options.build());
				Path file = Path.of(args[2]);
				Attachment attachment = args[1].equals("upload-stream") ? client.uploadFile(file)
						: client.uploadFile(Files.readAllBytes(file), file.getFileName().toString(), null);
				System.out.println("uploaded " + attachment.size() + peakResidentSize());
			}
			case "authenticate" -> {
				options.maxResponseSize(Long.parseLong(args[2]));
				try {
					LightClient.authenticate(new AuthenticateConfig("id-token", "42", "bot", base, null), options.build());
					System.out.println("authenticated");
				}
				catch (MezonException ex) {
					System.out.println("refused " + ex);
				}
			}
			default -> throw new IllegalArgumentException(args[1]);
		}
	}

}
