package dev.latchkey.client.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import dev.latchkey.auth.LeanPath;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.InvalidMimeTypeException;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Introspection on the lean path: a form POST to {@code /oauth2/introspect}, the only
 * shape the endpoint accepts. Anything else (another method, another content type) goes
 * to the dispatcher for its 405 or 415.
 */
final class IntrospectionLeanPath extends LeanPath {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final OAuthEndpoints endpoints;

	IntrospectionLeanPath(OAuthEndpoints endpoints) {
		super("/oauth2/introspect", PUBLIC_HEADERS, "/oauth2/introspect");
		this.endpoints = endpoints;
	}

	@Override
	protected boolean takes(HttpServletRequest request) {
		return request.getServletPath().equals("/oauth2/introspect") && HttpMethod.POST.matches(request.getMethod())
				&& isForm(request.getContentType());
	}

	@Override
	protected void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		request.getParameterMap().forEach((name, values) -> form.addAll(name, List.of(values)));
		ResponseEntity<Map<String, Object>> answer = this.endpoints.introspect(form, request);
		response.setStatus(answer.getStatusCode().value());
		answer.getHeaders().forEach((name, values) -> values.forEach((value) -> response.addHeader(name, value)));
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		JSON.writeValue(response.getOutputStream(), answer.getBody());
	}

	private static boolean isForm(@Nullable String contentType) {
		if (contentType == null) {
			return false;
		}
		try {
			return MediaType.APPLICATION_FORM_URLENCODED.includes(MediaType.parseMediaType(contentType));
		}
		catch (InvalidMimeTypeException ex) {
			return false;
		}
	}

}
