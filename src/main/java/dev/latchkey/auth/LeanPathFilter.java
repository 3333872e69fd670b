package dev.latchkey.auth;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;

/**
 * The lean path of a verification endpoint (forward auth, introspection), which a
 * protected API calls on every request it serves. Its controller is still the one home of
 * what the endpoint answers (and of its OpenAPI description); this filter calls it
 * directly instead of through Spring Security's public chain and the dispatcher, which on
 * these paths only permitted everything, wrote the response headers and looked the
 * handler up among all the others (docs/performance.md has the profile).
 *
 * <p>
 * What the chain did is done here: the request passes the same firewall (a request it
 * rejects is handed to the chain, which rejects it as before), and the answer gets the
 * public chain's headers. The filters before this one (request size, token in the URL,
 * exactly one credential, metrics) run as for any request. A request the lean path does
 * not take (another method, another content type) goes down the usual path and gets its
 * usual answer.
 */
public abstract class LeanPathFilter extends HttpFilter {

	/** After the request size, token-in-URL and single-credential filters. */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 3;

	private static final HttpFirewall FIREWALL = new StrictHttpFirewall();

	/**
	 * The public chain's header writers, but Cache-Control's: every answer of the
	 * verification endpoints sets no-store.
	 */
	public static final List<HeaderWriter> PUBLIC_HEADERS = securityHeaders(
			ApiSecurityConfiguration.PUBLIC_CONTENT_SECURITY_POLICY, ReferrerPolicy.NO_REFERRER);

	private final String pathPattern;

	private final List<HeaderWriter> headers;

	/**
	 * @param pathPattern how the endpoint's requests are named in the
	 * {@code http.server.requests} metrics, as the dispatcher would name them
	 * @param headers the header writers of the security chain the requests would
	 * otherwise pass
	 */
	protected LeanPathFilter(String pathPattern, List<HeaderWriter> headers) {
		this.pathPattern = pathPattern;
		this.headers = headers;
	}

	@Override
	protected final void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		HttpServletRequest firewalled;
		try {
			firewalled = FIREWALL.getFirewalledRequest(request);
		}
		catch (RequestRejectedException ex) {
			chain.doFilter(request, response);
			return;
		}
		if (!takes(firewalled)) {
			chain.doFilter(request, response);
			return;
		}
		ServerHttpObservationFilter.findObservationContext(request)
			.ifPresent((observation) -> observation.setPathPattern(pathPattern(firewalled)));
		for (HeaderWriter writer : this.headers) {
			writer.writeHeaders(firewalled, response);
		}
		answer(firewalled, response);
	}

	/**
	 * The header writers a security chain with Spring Security's defaults, this content
	 * security policy and this referrer policy applies (Cache-Control excepted).
	 */
	public static List<HeaderWriter> securityHeaders(String contentSecurityPolicy, ReferrerPolicy referrerPolicy) {
		return List.of(new XContentTypeOptionsHeaderWriter(), new XXssProtectionHeaderWriter(), new HstsHeaderWriter(),
				new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY),
				new ContentSecurityPolicyHeaderWriter(contentSecurityPolicy),
				new ReferrerPolicyHeaderWriter(referrerPolicy));
	}

	/**
	 * How a request the lean path takes is named in the {@code http.server.requests}
	 * metrics: the path pattern given at construction, unless overridden.
	 */
	protected String pathPattern(HttpServletRequest request) {
		return this.pathPattern;
	}

	/** Whether this request is one the lean path answers, judged on its servlet path. */
	protected abstract boolean takes(HttpServletRequest request);

	/** Answers the request in full, through the endpoint's controller. */
	protected abstract void answer(HttpServletRequest request, HttpServletResponse response) throws IOException;

}
