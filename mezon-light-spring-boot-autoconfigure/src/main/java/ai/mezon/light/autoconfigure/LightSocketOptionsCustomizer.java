package ai.mezon.light.autoconfigure;

import ai.mezon.light.SocketOptions;

/**
 * Customizes the {@link SocketOptions} of the auto-configured {@link ai.mezon.light.LightSocket}
 * after the {@code mezon.socket.*} and {@code mezon.events.*} properties are applied, e.g. to
 * set a dispatch executor of the application's own or options no property covers.
 */
@FunctionalInterface
public interface LightSocketOptionsCustomizer {

	/**
	 * @param options the builder to customize
	 */
	void customize(SocketOptions.Builder options);

}
