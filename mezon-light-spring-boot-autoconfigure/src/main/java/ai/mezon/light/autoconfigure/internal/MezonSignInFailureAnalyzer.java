package ai.mezon.light.autoconfigure.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import ai.mezon.light.MezonTimeoutException;
import ai.mezon.light.autoconfigure.MezonSignInException;

/**
 * Explains a start-up that failed signing in with the id token: the gateway URL, the cause in one
 * line, and the property to fix. Its messages never hold a token.
 */
public class MezonSignInFailureAnalyzer extends AbstractFailureAnalyzer<MezonSignInException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MezonSignInException cause) {
		String url = cause.getGatewayUrl();
		String description = "The Mezon client could not sign in at " + url + ": " + switch (cause.getReason()) {
			case UNREACHABLE -> "the gateway could not be reached (" + cause.getCauseSummary() + ").";
			case TIMEOUT -> "the gateway did not answer within " + timeout(cause) + ".";
			case REFUSED -> "the gateway refused the id token (HTTP " + cause.getStatusCode() + ").";
			case ERROR_STATUS -> "the gateway answered HTTP " + cause.getStatusCode() + ".";
			case BAD_ANSWER -> "its answer could not be used (" + cause.getCause().getMessage() + ").";
		};
		String gatewayUrl = "mezon.gateway-url (now " + url + "; the default is https://gw.mezon.ai)";
		String action = switch (cause.getReason()) {
			case UNREACHABLE -> "Check " + gatewayUrl + ": it must be the address of a Mezon gateway reachable "
					+ "from this machine.";
			case TIMEOUT -> "Check " + gatewayUrl + " and the network; if the gateway is only slow, raise "
					+ "mezon.request-timeout (now " + timeout(cause) + ").";
			case REFUSED -> "Set a fresh id token in mezon.id-token (or the MEZON_ID_TOKEN environment variable); "
					+ "check that it was issued for mezon.user-id and that mezon.server-key is the gateway's.";
			case ERROR_STATUS -> (cause.getStatusCode() >= 500)
					? "The gateway is in trouble: try again later, or check " + gatewayUrl + "."
					: "Check " + gatewayUrl + ": it may not be a Mezon gateway; and mezon.server-key.";
			case BAD_ANSWER -> "Check " + gatewayUrl + ": it may not be a Mezon gateway.";
		};
		return new FailureAnalysis(description, action
				+ "\nIf the connection details come from a MezonConnectionDetails bean, fix them there.", cause);
	}

	private static String timeout(MezonSignInException cause) {
		return (cause.getCause() instanceof MezonTimeoutException timeout)
				? timeout.getTimeout().toMillis() + " ms" : "the request timeout";
	}

}
