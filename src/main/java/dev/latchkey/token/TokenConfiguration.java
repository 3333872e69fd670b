package dev.latchkey.token;

import java.security.SecureRandom;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TokenConfiguration {

	@Bean
	TokenFormat tokenFormat(TokenSettings settings) {
		return new TokenFormat(settings.prefix(), new SecureRandom());
	}

}
