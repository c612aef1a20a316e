package ai.mezon.light.autoconfigure.internal;

import ai.mezon.light.AuthenticateConfig;
import ai.mezon.light.ClientInitConfig;
import ai.mezon.light.LightClient;
import ai.mezon.light.LightClientOptions;

/**
 * How the bootstrap obtains clients: {@link #DEFAULT} calls {@link LightClient}'s factories;
 * tests pass their own to decide without a network.
 */
public interface ClientFactory {

	/** {@link LightClient#authenticate} and {@link LightClient#initClient}. */
	ClientFactory DEFAULT = new ClientFactory() {

		@Override
		public LightClient authenticate(AuthenticateConfig config, LightClientOptions options) {
			return LightClient.authenticate(config, options);
		}

		@Override
		public LightClient restore(ClientInitConfig config, LightClientOptions options) {
			return LightClient.initClient(config, options);
		}

	};

	/**
	 * Authenticates with an id token at the gateway.
	 * @param config the credentials
	 * @param options the client options
	 * @return a client holding the new session
	 */
	LightClient authenticate(AuthenticateConfig config, LightClientOptions options);

	/**
	 * Resumes an existing session without a network call.
	 * @param config the session
	 * @param options the client options
	 * @return a client holding the session
	 */
	LightClient restore(ClientInitConfig config, LightClientOptions options);

}
