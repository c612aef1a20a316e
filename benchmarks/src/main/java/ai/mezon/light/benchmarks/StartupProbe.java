package ai.mezon.light.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.InstantiationAwareBeanPostProcessor;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.metrics.StartupStep;

import ai.mezon.light.LightClient;
import ai.mezon.light.LightClientOptions;
import ai.mezon.light.LightSocket;
import ai.mezon.light.autoconfigure.MezonConnectionDetails;
import ai.mezon.light.autoconfigure.internal.ClientFactory;
import ai.mezon.light.autoconfigure.internal.SessionBootstrapper;
import ai.mezon.light.autoconfigure.internal.SocketLifecycle;
import ai.mezon.light.session.InMemorySessionStore;

/**
 * Scenario 5b, run in a child JVM by the harness: start-up of an empty, non-web Boot application
 * whose class path holds the Mezon auto-configuration; the harness passes properties that exclude
 * it, disable it ({@code mezon.enabled=false}), or enable it against the test server (the client
 * then signs in with an id token: one REST round trip). Prints
 * {@code STARTUP run=<ms> jvm=<ms> beans=<n>}: {@code run} is {@code SpringApplication.run},
 * {@code jvm} is from JVM start to the context being ready.
 *
 * <p>When Mezon is enabled it also prints how that time splits,
 * {@code SPLIT client=<ms> socket=<ms> signin_warm=<ms> connect_warm=<ms>}: {@code client} is the
 * creation of the {@code LightClient} bean during start-up (sign-in or restore, cold),
 * {@code socket} the start of the socket lifecycle (connect, cold); after the context is ready the
 * same two steps are repeated in the warm JVM (median of 5), which is what the round trips
 * themselves cost. Cold minus warm is class loading and first-time initialisation. The probes
 * that take these timestamps are one bean post-processor and two lifecycle beans, present in every
 * variant so all pay the same.
 */
public final class StartupProbe {

	private StartupProbe() {
	}

	public static void main(String[] args) throws Exception {
		long start = System.nanoTime();
		SpringApplication application = new SpringApplication(EmptyApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		// Boot's default, as in every application: "Starting ..." and "Started ... in" are logged. With
		// it off (until issue #15's last run) the excluded variant logged nothing at all, so the
		// enabled ones were charged the first log event's one-time cost (~150 Logback classes) for
		// their "Mezon socket connected" line. -Dprobe.logStartupInfo=false gives the old figures.
		application.setLogStartupInfo(Boolean.parseBoolean(System.getProperty("probe.logStartupInfo", "true")));
		// -Dprobe.beanTimes=N prints the N slowest bean instantiations (Boot's start-up steps).
		int beanTimes = Integer.getInteger("probe.beanTimes", 0);
		BufferingApplicationStartup steps = (beanTimes > 0) ? new BufferingApplicationStartup(20_000) : null;
		if (steps != null) {
			application.setApplicationStartup(steps);
		}
		Timestamps timestamps = new Timestamps();
		application.addInitializers((context) -> {
			context.getBeanFactory().addBeanPostProcessor(timestamps);
			context.getBeanFactory().registerSingleton("startupProbeBeforeSocket", timestamps.at(-1));
			context.getBeanFactory().registerSingleton("startupProbeAfterSocket", timestamps.at(+1));
		});
		try (ConfigurableApplicationContext context = application.run(args)) {
			long run = System.nanoTime() - start;
			long jvm = ManagementFactory.getRuntimeMXBean().getUptime();
			System.out.println("STARTUP run=" + (run / 1_000_000) + " jvm=" + jvm + " beans="
					+ context.getBeanDefinitionCount());
			if (steps != null) {
				printSlowestBeans(steps, beanTimes);
			}
			if (timestamps.clientEnd != 0) {
				split(context, timestamps);
			}
		}
		System.exit(0);
	}

	/** The same steps again, warm: what the sign-in (or restore) and the connect cost by themselves. */
	private static void split(ConfigurableApplicationContext context, Timestamps timestamps) throws Exception {
		MezonConnectionDetails details = context.getBean(MezonConnectionDetails.class);
		LightClientOptions options = context.getBean(LightClientOptions.class);
		LightSocket socket = context.getBean(LightSocket.class);
		double[] signIn = new double[5];
		double[] connect = new double[5];
		for (int i = 0; i < 5; i++) {
			long t0 = System.nanoTime();
			new SessionBootstrapper(details, new InMemorySessionStore(), null, options, ClientFactory.DEFAULT)
				.bootstrap();
			long t1 = System.nanoTime();
			socket.disconnect();
			long t2 = System.nanoTime();
			socket.connect().get(10, TimeUnit.SECONDS);
			long t3 = System.nanoTime();
			signIn[i] = (t1 - t0) / 1e6;
			connect[i] = (t3 - t2) / 1e6;
		}
		System.out.printf("SPLIT client=%.1f socket=%.1f signin_warm=%.1f connect_warm=%.1f%n",
				(timestamps.clientEnd - timestamps.clientStart) / 1e6,
				(timestamps.socketEnd - timestamps.socketStart) / 1e6, median(signIn), median(connect));
	}

	private static void printSlowestBeans(BufferingApplicationStartup steps, int count) {
		steps.getBufferedTimeline()
			.getEvents()
			.stream()
			.filter((event) -> event.getStartupStep().getName().equals("spring.beans.instantiate"))
			.sorted(Comparator.comparing(StartupTimeline.TimelineEvent::getDuration).reversed())
			.limit(count)
			.forEach((event) -> System.out.printf("BEAN %5d ms %s%n", event.getDuration().toMillis(),
					StreamSupport.stream(event.getStartupStep().getTags().spliterator(), false)
						.filter((tag) -> tag.getKey().equals("beanName"))
						.map(StartupStep.Tag::getValue)
						.findFirst()
						.orElse("?")));
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	/** Nothing of its own: everything comes from auto-configuration. */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class EmptyApplication {

	}

	/**
	 * When the {@code LightClient} bean (and what it needs) is created, and when the lifecycle phase
	 * of {@link SocketLifecycle} starts and ends.
	 */
	static final class Timestamps implements InstantiationAwareBeanPostProcessor {

		volatile long clientStart;

		volatile long clientEnd;

		volatile long socketStart;

		volatile long socketEnd;

		@Override
		public Object postProcessBeforeInstantiation(Class<?> beanClass, String beanName) throws BeansException {
			// The client bean's dependencies (options, store, bootstrapper) are created inside it.
			if ("mezonLightClient".equals(beanName) && this.clientStart == 0) {
				this.clientStart = System.nanoTime();
			}
			return null;
		}

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
			if ("mezonLightClient".equals(beanName)) {
				this.clientEnd = System.nanoTime();
			}
			return bean;
		}

		SmartLifecycle at(int offset) {
			return new SmartLifecycle() {

				private volatile boolean running;

				@Override
				public void start() {
					if (offset < 0) {
						Timestamps.this.socketStart = System.nanoTime();
					}
					else {
						Timestamps.this.socketEnd = System.nanoTime();
					}
					this.running = true;
				}

				@Override
				public void stop() {
					this.running = false;
				}

				@Override
				public boolean isRunning() {
					return this.running;
				}

				@Override
				public int getPhase() {
					return SocketLifecycle.PHASE + offset;
				}

			};
		}

	}

}
