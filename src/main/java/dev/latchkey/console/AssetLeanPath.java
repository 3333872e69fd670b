package dev.latchkey.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.latchkey.auth.LeanPath;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * The console's assets at their fingerprinted addresses, on the lean path: a page loads
 * each once and then never asks again, but a first visit, a proxy or a CDN fetches them
 * all. The addresses are the ones pages link to (Spring's {@link ResourceUrlProvider},
 * set up by {@link ConsoleAssets}), and each file is the one behind it, read once. What
 * the assets' security chain would add is added here; anything else (a plain address, a
 * fingerprint that is not the content's) goes down the usual path.
 *
 * <p>
 * Files are served as they are on disk. Spring's resource chain could rewrite links
 * inside a stylesheet; the console's has none, and {@code ConsoleAssetsIntegrationTests}
 * checks that each asset's bytes here equal what the usual path serves.
 */
final class AssetLeanPath extends LeanPath {

	static final String CACHE_CONTROL = "max-age=31536000, public, immutable";

	private static final List<HeaderWriter> HEADERS = securityHeaders(
			ConsoleSecurityConfiguration.CONTENT_SECURITY_POLICY, ReferrerPolicy.SAME_ORIGIN);

	private final ResourceUrlProvider urls;

	private volatile @Nullable Map<String, Asset> assets;

	AssetLeanPath(ResourceUrlProvider urls) {
		super("/css/**", HEADERS, "/css/*", "/js/*", "*.svg");
		this.urls = urls;
	}

	@Override
	protected boolean takes(HttpServletRequest request) {
		String method = request.getMethod();
		return (HttpMethod.GET.matches(method) || HttpMethod.HEAD.matches(method))
				&& assets().containsKey(request.getServletPath());
	}

	/** Named by its plain address: a handful of values. */
	@Override
	protected String pathPattern(HttpServletRequest request) {
		return asset(request).plain();
	}

	@Override
	protected void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Asset asset = asset(request);
		response.setStatus(HttpServletResponse.SC_OK);
		response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
		response.setContentType(asset.contentType());
		response.setContentLength(asset.content().length);
		if (!HttpMethod.HEAD.matches(request.getMethod())) {
			response.getOutputStream().write(asset.content());
		}
	}

	/** The asset of a request the lean path took. */
	private Asset asset(HttpServletRequest request) {
		return Objects.requireNonNull(assets().get(request.getServletPath()));
	}

	/**
	 * The assets by fingerprinted address, read on first use: the addresses are known
	 * only once the resource handlers are.
	 */
	private Map<String, Asset> assets() {
		Map<String, Asset> result = this.assets;
		if (result == null) {
			result = read();
			this.assets = result;
		}
		return result;
	}

	private Map<String, Asset> read() {
		Map<String, Asset> read = new HashMap<>();
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath:/static/**")) {
				String url = resource.getURL().toString();
				int at = url.lastIndexOf("/static/");
				if (!resource.isReadable() || at < 0 || url.endsWith("/")) {
					continue;
				}
				String plain = url.substring(at + "/static".length());
				String fingerprinted = this.urls.getForLookupPath(plain);
				if (fingerprinted != null && !fingerprinted.equals(plain)) {
					read.put(fingerprinted,
							new Asset(plain, resource.getContentAsByteArray(),
									MediaTypeFactory.getMediaType(plain)
										.orElse(MediaType.APPLICATION_OCTET_STREAM)
										.toString()));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the console's assets", ex);
		}
		return Map.copyOf(read);
	}

	private record Asset(String plain, byte[] content, String contentType) {

	}

}
