package dev.latchkey.console;

import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ResourceTransformer;
import org.springframework.web.servlet.resource.TransformedResource;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * The console's stylesheet, script and icon. Pages link to them by fingerprinted
 * addresses ({@code /css/console-<md5 of the content>.css}, written by Spring's
 * {@code ResourceUrlEncodingFilter} when a page is rendered), which never change meaning,
 * so browsers and proxies may keep them a year without asking again. The plain addresses
 * still answer, but must be revalidated: after an upgrade they serve other content.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ConsoleAssets implements WebMvcConfigurer {

	/** An asset's name with the fingerprint the version resolver adds. */
	private static final String FINGERPRINTED = "{file:[\\w.-]+-[0-9a-f]{32}\\.(?:css|js|svg)}";

	/**
	 * Reads each asset once; the resource chain's cache then keeps it, so no request
	 * opens the jar or asks it when the file was modified (the profile in
	 * docs/performance.md).
	 */
	private static final ResourceTransformer IN_MEMORY = (request, resource, chain) -> {
		Resource transformed = chain.transform(request, resource);
		return (transformed instanceof TransformedResource) ? transformed
				: new TransformedResource(transformed, transformed.getContentAsByteArray());
	};

	private static final CacheControl FOREVER = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	/** The fingerprinted assets straight from memory (docs/performance.md). */
	@Bean
	AssetLeanPath assetLeanPath(ResourceUrlProvider urls) {
		return new AssetLeanPath(urls);
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		// Asked before the controllers' mappings, which would otherwise try every one of
		// their patterns on each asset first. Spring Boot's catch-all static mapping is
		// off
		// (spring.web.resources.add-mappings), so nothing here shadows a controller.
		registry.setOrder(Ordered.HIGHEST_PRECEDENCE);
		register(registry, "/css/", "classpath:/static/css/");
		register(registry, "/js/", "classpath:/static/js/");
		register(registry, "/", "classpath:/static/");
	}

	private static void register(ResourceHandlerRegistry registry, String folder, String location) {
		// A wildcard, so that the path within the pattern is the file name the
		// fingerprint is
		// computed for.
		String plain = folder.equals("/") ? "/favicon*.svg" : folder + "**";
		registry.addResourceHandler(folder + FINGERPRINTED)
			.addResourceLocations(location)
			.setCacheControl(FOREVER)
			.resourceChain(true)
			.addResolver(fingerprints())
			.addTransformer(IN_MEMORY);
		registry.addResourceHandler(plain)
			.addResourceLocations(location)
			.setCacheControl(CacheControl.noCache())
			.resourceChain(true)
			.addResolver(fingerprints())
			.addTransformer(IN_MEMORY);
	}

	private static VersionResourceResolver fingerprints() {
		return new VersionResourceResolver().addContentVersionStrategy("/**");
	}

}
