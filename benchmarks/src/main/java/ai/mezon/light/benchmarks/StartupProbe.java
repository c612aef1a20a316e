package ai.mezon.light.benchmarks;

import java.lang.management.ManagementFactory;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Scenario 5b, run in a child JVM by the harness: start-up of an empty, non-web Boot application
 * whose class path holds the Mezon auto-configuration; the harness passes properties that exclude
 * it, disable it ({@code mezon.enabled=false}), or enable it against the test server (the client
 * then signs in with an id token: one REST round trip). Prints
 * {@code STARTUP run=<ms> jvm=<ms> beans=<n>}: {@code run} is {@code SpringApplication.run},
 * {@code jvm} is from JVM start to the context being ready.
 */
public final class StartupProbe {

	private StartupProbe() {
	}

	public static void main(String[] args) {
		long start = System.nanoTime();
		SpringApplication application = new SpringApplication(EmptyApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		try (ConfigurableApplicationContext context = application.run(args)) {
			long run = System.nanoTime() - start;
			long jvm = ManagementFactory.getRuntimeMXBean().getUptime();
			System.out.println("STARTUP run=" + (run / 1_000_000) + " jvm=" + jvm + " beans="
					+ context.getBeanDefinitionCount());
		}
		System.exit(0);
	}

	/** Nothing of its own: everything comes from auto-configuration. */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class EmptyApplication {

	}

}
