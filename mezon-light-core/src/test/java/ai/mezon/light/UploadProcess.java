package ai.mezon.light;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Uploads one file with a {@link LightClient} and exits: run by {@link UploadMemoryTests} in a
 * child JVM with a small heap. Arguments: the API base URL, the file, and {@code stream} (the
 * SDK's {@link LightClient#uploadFile(Path)}) or {@code bytes} (read the file into memory first, the
 * control that must run out of memory). Prints {@code uploaded <size>} on success.
 */
public final class UploadProcess {

	private UploadProcess() {
	}

	public static void main(String[] args) throws Exception {
		String token = TestJwts.token(42, Instant.now().plusSeconds(3600));
		LightClient client = LightClient.initClient(
				new ClientInitConfig(token, token, args[0], null, "42", null),
				LightClientOptions.builder().requestTimeout(Duration.ofSeconds(120)).build());
		Path file = Path.of(args[1]);
		Attachment attachment = args[2].equals("stream") ? client.uploadFile(file)
				: client.uploadFile(Files.readAllBytes(file), file.getFileName().toString(), null);
		System.out.println("uploaded " + attachment.size() + " max heap " + Runtime.getRuntime().maxMemory());
	}

}
