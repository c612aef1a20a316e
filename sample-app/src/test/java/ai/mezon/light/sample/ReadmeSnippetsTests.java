package ai.mezon.light.sample;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's complete Java snippets (those starting with a {@code package} line: a user copies
 * them as they are) compile against the starter, the test kit and Boot's test support, so their
 * package names and imports stay true to the code.
 */
class ReadmeSnippetsTests {

	private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

	private static final Pattern CLASS_NAME = Pattern.compile("(?m)^(?:public )?(?:final )?class (\\w+)");

	@Test
	void completeJavaSnippetsCompile(@TempDir Path out) throws IOException {
		String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
		List<JavaFileObject> sources = new ArrayList<>();
		Matcher block = JAVA_BLOCK.matcher(readme);
		while (block.find()) {
			String code = block.group(1);
			if (!code.startsWith("package ")) {
				continue;
			}
			Matcher name = CLASS_NAME.matcher(code);
			assertThat(name.find()).as("a class in%n%s", code).isTrue();
			sources.add(new Snippet(name.group(1), code));
		}
		assertThat(sources).as("complete snippets in the README").hasSizeGreaterThanOrEqualTo(4);

		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
		try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
				StandardCharsets.UTF_8)) {
			files.setLocation(StandardLocation.CLASS_OUTPUT, List.of(out.toFile()));
			// The test class path (Surefire's manifest jar names every entry; javac follows it).
			List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-proc:none",
					"--release", "17");
			boolean compiled = compiler.getTask(null, files, diagnostics, options, null, sources).call();
			assertThat(compiled).as("README snippets compile:%n%s", describe(diagnostics)).isTrue();
		}
	}

	private static String describe(DiagnosticCollector<JavaFileObject> diagnostics) {
		StringBuilder text = new StringBuilder();
		for (Diagnostic<? extends JavaFileObject> each : diagnostics.getDiagnostics()) {
			text.append(each.getKind())
				.append(' ')
				.append(each.getSource() != null ? each.getSource().getName() : "")
				.append(':')
				.append(each.getLineNumber())
				.append(' ')
				.append(each.getMessage(Locale.ROOT))
				.append('\n');
		}
		return text.toString();
	}

	private static final class Snippet extends SimpleJavaFileObject {

		private final String code;

		Snippet(String className, String code) {
			super(URI.create("string:///readme/" + className + Kind.SOURCE.extension), Kind.SOURCE);
			this.code = code;
		}

		@Override
		public CharSequence getCharContent(boolean ignoreEncodingErrors) {
			return this.code;
		}

	}

}
