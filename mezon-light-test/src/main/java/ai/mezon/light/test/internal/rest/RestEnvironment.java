package ai.mezon.light.test.internal.rest;

import java.time.Clock;
import java.util.function.Supplier;

import ai.mezon.light.test.internal.ServerState;
import ai.mezon.light.test.internal.TokenService;

/**
 * What the REST servlets share with the rest of the test server.
 *
 * @param state users, channels and uploaded objects
 * @param tokens issues and verifies tokens
 * @param clock the server's clock
 * @param serverKey the HTTP Basic user name expected on gateway and refresh calls
 * @param baseUrl the server's {@code http://127.0.0.1:PORT}, known once started
 * @param presignedUrls signs and checks upload URLs
 * @param counters requests per call
 * @param faults injected failures and delays
 * @param history where message history comes from
 */
public record RestEnvironment(ServerState state, TokenService tokens, Clock clock, String serverKey,
		Supplier<String> baseUrl, PresignedUrls presignedUrls, RequestCounters counters, RestFaults faults,
		Supplier<ChannelHistory> history) {
}
