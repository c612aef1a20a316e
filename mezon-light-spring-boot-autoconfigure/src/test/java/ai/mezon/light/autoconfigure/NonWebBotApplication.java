package ai.mezon.light.autoconfigure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

import ai.mezon.light.spring.MezonMessageReceivedEvent;

/**
 * A bot without a web server, run as its own JVM by {@link NonWebApplicationKeepAliveTests}: it
 * answers {@code X} with {@code echo: X}. {@code main} returns right after start-up, as a user's
 * would; only the starter can keep the JVM alive then. Closing standard input (or writing a line
 * to it) closes the context, so the test can tell whether the JVM then exits by itself.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class NonWebBotApplication {

	/** Printed once the context has started. */
	static final String READY = "NON-WEB-BOT-READY";

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(NonWebBotApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		ConfigurableApplicationContext context = application.run(args);
		Thread closer = new Thread(() -> closeOnInput(context), "close-on-stdin");
		// A daemon, so this thread is not what keeps the JVM alive.
		closer.setDaemon(true);
		closer.start();
		System.out.println(READY);
		System.out.flush();
	}

	private static void closeOnInput(ConfigurableApplicationContext context) {
		try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
			in.readLine();
		}
		catch (IOException ex) {
			// Standard input broken: the parent is gone; close as well.
		}
		context.close();
	}

	@Bean
	Echo echo() {
		return new Echo();
	}

	static class Echo {

		@EventListener
		void echo(MezonMessageReceivedEvent event) {
			event.reply("echo: " + event.getText());
		}

	}

}
