package ai.mezon.light.test;

import java.util.Objects;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import ai.mezon.light.LightClient;

/**
 * A JUnit 5 extension that starts one {@link MezonTestServer} per test class and closes it after
 * the class. Register it on a static field to configure the server and reach it from the tests:
 *
 * <pre>{@code
 * @RegisterExtension
 * static MezonTestServerExtension server = new MezonTestServerExtension();
 *
 * @Test
 * void dm() {
 *     LightClient client = LightClient.authenticate(server.get().authenticateConfig("1", "alice"),
 *             server.get().clientOptions());
 * }
 * }</pre>
 *
 * or use {@code @ExtendWith(MezonTestServerExtension.class)} and take a {@link MezonTestServer}
 * parameter. State (users, channels, tokens, clock) is shared by the tests of a class. Registered
 * on an instance field instead, the extension starts a fresh server for each test, for tests that
 * move the server's clock or inject faults.
 */
public final class MezonTestServerExtension
		implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback, ParameterResolver {

	private final Consumer<MezonTestServer.Builder> customizer;

	private @Nullable MezonTestServer server;

	/** Whether JUnit drives this extension per class (static field) rather than per test. */
	private volatile boolean classScoped;

	/** An extension starting servers with the default configuration. */
	public MezonTestServerExtension() {
		this((builder) -> {
		});
	}

	/**
	 * @param customizer configures the server before it starts, e.g. its server key or token
	 * lifetimes
	 */
	public MezonTestServerExtension(Consumer<MezonTestServer.Builder> customizer) {
		this.customizer = Objects.requireNonNull(customizer, "customizer");
	}

	/**
	 * The running server.
	 * @return the server
	 * @throws IllegalStateException outside the test class's lifecycle
	 */
	public MezonTestServer get() {
		MezonTestServer current = this.server;
		if (current == null) {
			throw new IllegalStateException("The Mezon test server is not running (register the extension on a "
					+ "static field, or use it from a test)");
		}
		return current;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		this.classScoped = true;
		start();
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		// An extension on an instance field misses beforeAll: it then lives for one test.
		start();
	}

	@Override
	public void afterEach(ExtensionContext context) {
		if (!this.classScoped) {
			stop();
		}
	}

	private synchronized void start() {
		if (this.server == null) {
			MezonTestServer.Builder builder = MezonTestServer.builder();
			this.customizer.accept(builder);
			this.server = builder.build().start();
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		stop();
	}

	private synchronized void stop() {
		MezonTestServer current = this.server;
		this.server = null;
		if (current != null) {
			current.close();
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == MezonTestServer.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		start();
		return get();
	}

}
