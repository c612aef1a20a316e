package ai.mezon.light.autoconfigure.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import ai.mezon.light.autoconfigure.MezonConnectionDetails;
import ai.mezon.light.autoconfigure.MezonCredentialsException;

/**
 * Explains a start-up that failed for want of Mezon credentials, naming the properties to set.
 */
public class MezonCredentialsFailureAnalyzer extends AbstractFailureAnalyzer<MezonCredentialsException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MezonCredentialsException cause) {
		StringBuilder description = new StringBuilder("The Mezon client could not sign in: ")
			.append(cause.getMessage())
			.append('.');
		if (!cause.getMissing().isEmpty()) {
			description.append("\n\nMissing: ").append(String.join(", ", cause.getMissing()));
		}
		String action = """
				Configure one of:
				\t- an id token: mezon.id-token, mezon.user-id and mezon.username
				\t- an exported session: mezon.session.token, mezon.session.refresh-token and mezon.session.api-url \
				(mezon.session.ws-url and mezon.session.user-id are optional)
				\t- a MezonConnectionDetails bean supplying either
				or set mezon.enabled=false to turn the Mezon client off.""";
		return new FailureAnalysis(description.toString(), action, cause);
	}

}
