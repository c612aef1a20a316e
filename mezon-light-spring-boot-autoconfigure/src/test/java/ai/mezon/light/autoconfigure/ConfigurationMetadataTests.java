package ai.mezon.light.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata IDEs and the README's generated reference read: every enum
 * property lists its values (hints), and defaults are literal values, not blanks.
 */
class ConfigurationMetadataTests {

	private final JsonNode metadata = read();

	@Test
	void everyEnumPropertyListsExactlyItsValues() throws Exception {
		List<String> enumProperties = new ArrayList<>();
		for (JsonNode property : this.metadata.get("properties")) {
			String type = property.path("type").asString("");
			if (!type.startsWith("ai.mezon.")) {
				continue;
			}
			// Binary names, as written in the metadata: Outer$Inner.
			Class<?> javaType = Class.forName(type);
			if (!javaType.isEnum()) {
				continue;
			}
			String name = property.get("name").asString();
			enumProperties.add(name);
			List<String> expected = new ArrayList<>();
			for (Object constant : javaType.getEnumConstants()) {
				expected.add(((Enum<?>) constant).name().toLowerCase(Locale.ROOT).replace('_', '-'));
			}
			assertThat(hintValues(name)).as(name).containsExactlyElementsOf(expected);
		}
		assertThat(enumProperties).contains("mezon.events.executor", "mezon.session-store.type",
				"mezon.session-store.jdbc.initialize-schema", "mezon.instances.jdbc.initialize-schema",
				"mezon.instances.lock-registry");
	}

	@Test
	void catchUpDefaultsAreInTheMetadata() {
		assertThat(defaultOf("mezon.catch-up.max-messages")).isEqualTo("1000");
		assertThat(defaultOf("mezon.catch-up.page-size")).isEqualTo("100");
		assertThat(defaultOf("mezon.catch-up.dedupe-window")).isEqualTo("1024");
	}

	private List<String> hintValues(String name) {
		List<String> values = new ArrayList<>();
		for (JsonNode hint : this.metadata.path("hints")) {
			if (hint.get("name").asString().equals(name)) {
				hint.get("values").forEach((value) -> values.add(value.get("value").asString()));
			}
		}
		return values;
	}

	private String defaultOf(String name) {
		for (JsonNode property : this.metadata.get("properties")) {
			if (property.get("name").asString().equals(name)) {
				return property.path("defaultValue").asString("");
			}
		}
		throw new AssertionError("No property " + name);
	}

	/** This module's metadata, not the first of the many on the class path (Boot's own jars have one). */
	private static JsonNode read() {
		try {
			Path classes = Path.of(MezonProperties.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			Path file = classes.resolve("META-INF/spring-configuration-metadata.json");
			try (InputStream in = Files.newInputStream(file)) {
				return JsonMapper.builder().build().readTree(in);
			}
		}
		catch (IOException | URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
