package dev.latchkey.auth;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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
 * An endpoint on the lean path (forward auth, introspection, the console's fingerprinted
 * assets): what it takes and how it answers. A module contributes one as a bean;
 * {@link LeanPathFilter}, the one filter in front of them all, does everything else (the
 * firewall, the guards every request passes, the security headers, the metrics) and sends
 * whatever no lean path takes down the usual path. The endpoint's controller stays the
 * one home of what it answers (and of its OpenAPI description); a lean path calls it
 * directly.
 */
public abstract class LeanPath {

	/**
	 * The public chain's header writers, but Cache-Control's: every answer of the
	 * verification endpoints sets no-store.
	 */
	public static final List<HeaderWriter> PUBLIC_HEADERS = securityHeaders(
			ApiSecurityConfiguration.PUBLIC_CONTENT_SECURITY_POLICY, ReferrerPolicy.NO_REFERRER);

	private final String pathPattern;

	private final List<HeaderWriter> headers;

	private final List<String> urlPatterns;

	/**
	 * @param pathPattern how the endpoint's requests are named in the
	 * {@code http.server.requests} metrics, as the dispatcher would name them
	 * @param headers the header writers of the security chain the requests would
	 * otherwise pass
	 * @param urlPatterns the servlet URL patterns of the requests it may take
	 */
	protected LeanPath(String pathPattern, List<HeaderWriter> headers, String... urlPatterns) {
		this.pathPattern = pathPattern;
		this.headers = headers;
		this.urlPatterns = List.of(urlPatterns);
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

	final List<HeaderWriter> headers() {
		return this.headers;
	}

	final List<String> urlPatterns() {
		return this.urlPatterns;
	}

}
