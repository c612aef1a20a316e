package ai.mezon.light.autoconfigure;

import org.springframework.web.client.RestClient;

/**
 * Customizes the {@link RestClient.Builder} the Mezon client builds its REST client from (for
 * example to add an interceptor or a request factory), without touching the application's other
 * REST clients. The builder starts from Spring Boot's {@code RestClient.Builder} when there is
 * one. Beans of this type are applied in {@link org.springframework.core.Ordered order}; the client
 * then adds its own converters, timeouts and error handling.
 */
@FunctionalInterface
public interface MezonRestClientCustomizer {

	/**
	 * @param builder the builder to customize
	 */
	void customize(RestClient.Builder builder);

}
