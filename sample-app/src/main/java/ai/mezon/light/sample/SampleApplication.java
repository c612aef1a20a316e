package ai.mezon.light.sample;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import ai.mezon.light.sample.bot.BotCommands;

/**
 * The sample echo bot. Everything Mezon comes from the starter, configured by {@code mezon.*}
 * properties; without credentials the {@linkplain ai.mezon.light.sample.demo demo mode} runs it
 * against an embedded server.
 */
@SpringBootApplication
public class SampleApplication {

	/**
	 * @param args command-line arguments, e.g. {@code --mezon.id-token=...}
	 */
	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

	/**
	 * @return the bot's commands, telling the time of the machine's zone
	 */
	@Bean
	BotCommands botCommands() {
		return new BotCommands(Clock.systemDefaultZone());
	}

}
