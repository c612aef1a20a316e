package ai.mezon.light.autoconfigure.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import ai.mezon.light.MezonInsecureTransportException;

/**
 * Explains a start-up that refused to send credentials in clear text, naming
 * {@code mezon.allow-insecure-transport}.
 */
public class MezonInsecureTransportFailureAnalyzer extends AbstractFailureAnalyzer<MezonInsecureTransportException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MezonInsecureTransportException cause) {
		String description = "The Mezon client refused to send credentials in clear text to " + cause.getUrl()
				+ ": it uses http or ws, and the host is not loopback.";
		String action = "Use https/wss in the URL (mezon.gateway-url, or the session's mezon.session.api-url and "
				+ "mezon.session.ws-url), or, only on a trusted network such as a self-hosted server's, set "
				+ "mezon.allow-insecure-transport=true.";
		return new FailureAnalysis(description, action, cause);
	}

}
