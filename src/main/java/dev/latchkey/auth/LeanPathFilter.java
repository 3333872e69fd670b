package dev.latchkey.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.HeaderWriter;

/**
 * The lean path of the endpoints a protected API or a browser calls most (forward auth,
 * introspection, the console's fingerprinted assets): the first filter of all, which
 * answers the requests a {@link LeanPath} takes straight through its controller, instead
 * of through the metrics observation, Spring Security's chain and the dispatcher. On
 * these paths those only timed the request, permitted everything, wrote the response
 * headers and looked the handler up among all the others, at several times the cost of
 * the answer (docs/performance.md has the profiles).
 *
 * <p>
 * What they did is done here, and nothing the guards behind this filter refuse is taken:
 * <ol>
 * <li>the request passes the same firewall as the security chain;</li>
 * <li>a body over the size limit, a token in the URL or more than one credential is left
 * to {@link RequestSizeFilter}, {@link TokenInUrlFilter} and
 * {@link SingleCredentialFilter}, which refuse it as for any request;</li>
 * <li>the request is decoded as UTF-8, as Spring Boot's character encoding filter forces;
 * </li>
 * <li>the answer gets the chain's security headers and is timed in
 * {@code http.server.requests} under the endpoint's path pattern.</li>
 * </ol>
 * Anything no lean path takes (another method, another content type, a request the
 * firewall rejects) goes down the usual path and gets its usual answer there.
 */
final class LeanPathFilter extends HttpFilter {

	/**
	 * Before everything: the guards' checks are made here first, and Spring Boot's
	 * character encoding filter, at the same order, does nothing this one does not.
	 */
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

	private static final HttpFirewall FIREWALL = new StrictHttpFirewall();

	private final List<LeanPath> paths;

	private final long maxRequestBytes;

	private final ServerRequestTimers timers;

	LeanPathFilter(List<LeanPath> paths, long maxRequestBytes, ServerRequestTimers timers) {
		this.paths = List.copyOf(paths);
		this.maxRequestBytes = maxRequestBytes;
		this.timers = timers;
	}

	/** The servlet URL patterns of every lean path: where the filter is mapped. */
	static String[] urlPatterns(List<LeanPath> paths) {
		return paths.stream().flatMap((path) -> path.urlPatterns().stream()).distinct().toArray(String[]::new);
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		HttpServletRequest firewalled;
		try {
			firewalled = FIREWALL.getFirewalledRequest(request);
		}
		catch (RequestRejectedException ex) {
			chain.doFilter(request, response);
			return;
		}
		LeanPath path = taker(firewalled);
		if (path == null) {
			chain.doFilter(request, response);
			return;
		}
		request.setCharacterEncoding(StandardCharsets.UTF_8.name());
		// The guards' checks on the request as the guards see it, before any firewall.
		if (!RequestSizeFilter.fits(request, this.maxRequestBytes) || TokenInUrlFilter.carriesToken(request)
				|| SingleCredentialFilter.carriesSeveral(request)) {
			chain.doFilter(request, response);
			return;
		}
		long start = System.nanoTime();
		try {
			for (HeaderWriter writer : path.headers()) {
				writer.writeHeaders(firewalled, response);
			}
			path.answer(firewalled, response);
		}
		catch (IOException | RuntimeException | Error ex) {
			// As the metrics filter does: the failure is named, and the answer is a 500.
			response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
			this.timers.record(path.pathPattern(firewalled), request.getMethod(), response.getStatus(), ex,
					System.nanoTime() - start);
			throw ex;
		}
		this.timers.record(path.pathPattern(firewalled), request.getMethod(), response.getStatus(), null,
				System.nanoTime() - start);
	}

	private @Nullable LeanPath taker(HttpServletRequest request) {
		for (LeanPath path : this.paths) {
			if (path.takes(request)) {
				return path;
			}
		}
		return null;
	}

}
