package dev.latchkey.testing;

import java.net.http.HttpHeaders;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A response as received: status, headers and body text, with the body as JSON on demand.
 */
public record ApiResponse(int status, HttpHeaders headers, String body) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	public JsonNode json() {
		return JSON.readTree(this.body);
	}

	/** A top-level text field, or {@code null}. */
	public String text(String field) {
		JsonNode node = json().get(field);
		return (node == null || node.isNull()) ? null : node.asString();
	}

	public String header(String name) {
		return this.headers.firstValue(name).orElse(null);
	}

	/** The problem type's last path segment, e.g. {@code token-limit-reached}. */
	public String problemType() {
		String type = text("type");
		return (type != null) ? type.substring(type.lastIndexOf('/') + 1) : null;
	}

	@Override
	public String toString() {
		return this.status + " " + this.body;
	}

}
