package dev.latchkey.token;

import java.security.SecureRandom;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TokenConfiguration {

	@Bean
	TokenFormat tokenFormat(TokenSettings settings) {
		return new TokenFormat(settings.prefix(), new SecureRandom());
	}

	/**
	 * Sizes, hits, misses and evictions as {@code cache.*} metrics, tagged
	 * {@code cache=verification.known} and {@code cache=verification.unknown}.
	 */
	@Bean
	VerificationCache verificationCache(VerificationCacheSettings settings, ObjectProvider<MeterRegistry> meters) {
		VerificationCache cache = new VerificationCache(settings);
		meters.ifAvailable((registry) -> {
			CaffeineCacheMetrics.monitor(registry, cache.known(), "verification.known");
			CaffeineCacheMetrics.monitor(registry, cache.unknown(), "verification.unknown");
		});
		return cache;
	}

}
