package ai.mezon.light.test.internal.ws;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import ai.mezon.light.test.internal.TokenService;

/**
 * Guards {@code /ws} before the upgrade: refuses handshakes the test asked to refuse (HTTP 503)
 * and tokens that are missing, invalid, expired or revoked (HTTP 401), as a real server would,
 * so clients see an HTTP status instead of a socket that opens and dies.
 */
final class HandshakeFilter implements Filter {

	private final TokenService tokens;

	private final SocketFaults faults;

	HandshakeFilter(TokenService tokens, SocketFaults faults) {
		this.tokens = tokens;
		this.faults = faults;
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		HttpServletRequest http = (HttpServletRequest) request;
		HttpServletResponse reply = (HttpServletResponse) response;
		if (this.faults.takeRefusal()) {
			reply.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "handshake refused by the test");
			return;
		}
		String token = http.getParameter("token");
		try {
			if (token == null || token.isBlank()) {
				throw new TokenService.InvalidTokenException("no token");
			}
			this.tokens.verifyAccess(token);
		}
		catch (TokenService.InvalidTokenException ex) {
			reply.sendError(HttpServletResponse.SC_UNAUTHORIZED, ex.getMessage());
			return;
		}
		chain.doFilter(request, response);
	}

}
