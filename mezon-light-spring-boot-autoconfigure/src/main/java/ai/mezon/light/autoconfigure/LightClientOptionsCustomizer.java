package ai.mezon.light.autoconfigure;

import ai.mezon.light.LightClientOptions;

/**
 * Customizes the auto-configured {@link LightClientOptions} after {@code mezon.*} properties are
 * applied, e.g. to set a {@link java.time.Clock}. Beans of this type are applied in
 * {@link org.springframework.core.Ordered order}.
 */
@FunctionalInterface
public interface LightClientOptionsCustomizer {

	/**
	 * @param builder the options builder, holding the values of {@code mezon.*} properties
	 */
	void customize(LightClientOptions.Builder builder);

}
