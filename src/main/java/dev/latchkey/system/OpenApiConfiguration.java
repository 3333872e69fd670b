package dev.latchkey.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3 document served at {@code /v3/api-docs} (and browsable at
 * {@code /swagger-ui.html}): every API call takes a bearer token.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI latchkeyOpenApi() {
		SecurityScheme bearer = new SecurityScheme().type(SecurityScheme.Type.HTTP)
			.scheme("bearer")
			.bearerFormat("lkp_ token")
			.description("A personal API token, sent as 'Authorization: Bearer <token>' "
					+ "(or as a 'token: <token>' header). Never in a URL.");
		return new OpenAPI()
			.info(new Info().title("Latchkey API")
				.version("v1")
				.description("Personal API tokens for an organisation's REST APIs. Errors are RFC 9457 "
						+ "problem details (application/problem+json) with a stable 'type'."))
			.components(new Components().addSecuritySchemes("bearer", bearer))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}

}
