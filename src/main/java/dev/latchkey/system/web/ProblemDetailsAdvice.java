package dev.latchkey.system.web;

import java.net.URI;
import java.util.stream.Collectors;

import dev.latchkey.system.InvalidRequest;
import dev.latchkey.system.ProblemException;
import dev.latchkey.system.ProblemType;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every refusal into an RFC 9457 problem detail with a stable {@code type} and a
 * {@code detail} that helps the caller without revealing internals. Unexpected exceptions
 * are logged by type and message only and answered with a generic 500.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	static final ProblemType MALFORMED_BODY = new ProblemType("malformed-body", 400, "Malformed request body");

	static final ProblemType UNKNOWN_FIELD = new ProblemType("unknown-field", 400, "Unknown field");

	static final ProblemType INVALID_FIELD = new ProblemType("invalid-field", 400, "Invalid field value");

	static final ProblemType INVALID_PARAMETER = new ProblemType("invalid-parameter", 400, "Invalid parameter");

	static final ProblemType INTERNAL = new ProblemType("internal-error", 500, "Internal error");

	@ExceptionHandler(ProblemException.class)
	ResponseEntity<ProblemDetail> handleProblem(ProblemException ex, HttpServletResponse servletResponse) {
		discardUncommitted(servletResponse);
		ResponseEntity.BodyBuilder response = ResponseEntity.status(ex.type().status());
		if (ex.retryAfter() != null) {
			response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, ex.retryAfter().toSeconds())));
		}
		ProblemDetail problem = detail(ex.type(), ex.getMessage());
		if (ex instanceof InvalidRequest invalid && invalid.parameter() != null) {
			problem.setProperty("parameter", invalid.parameter());
		}
		return response.body(problem);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> handleTypeMismatch(MethodArgumentTypeMismatchException ex) {
		ProblemDetail problem = detail(INVALID_PARAMETER, "Parameter '" + ex.getName() + "' has an invalid value.");
		problem.setProperty("parameter", ex.getName());
		return ResponseEntity.status(INVALID_PARAMETER.status()).body(problem);
	}

	static final ProblemType CONFLICT = new ProblemType("conflict", 409, "Conflict");

	static final ProblemType UNAVAILABLE = new ProblemType("service-unavailable", 503, "Service unavailable");

	/** A unique constraint caught what a concurrent request slipped past the checks. */
	@ExceptionHandler(DuplicateKeyException.class)
	ResponseEntity<ProblemDetail> handleDuplicate(DuplicateKeyException ex) {
		return problem(CONFLICT, "The request conflicts with a change made at the same time. Reload and retry.");
	}

	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessException.class })
	ResponseEntity<ProblemDetail> handleDatabaseUnavailable(DataAccessException ex, HttpServletResponse response) {
		discardUncommitted(response);
		logger.warn("Database unavailable: {}", ex.getClass().getName());
		return ResponseEntity.status(UNAVAILABLE.status())
			.header(HttpHeaders.RETRY_AFTER, "5")
			.body(detail(UNAVAILABLE, "The service cannot reach its database. Retry in a few seconds."));
	}

	static final ProblemType TOO_LARGE = new ProblemType("request-too-large", 413, "Request too large");

	/**
	 * The container could not read the parameters: a form body over the limit that came
	 * without a length (chunked), or malformed parameters. The container's own message is
	 * not repeated: it can quote a parameter's value.
	 */
	@ExceptionHandler(InvalidParameterException.class)
	ResponseEntity<ProblemDetail> handleUnreadableParameters(InvalidParameterException ex,
			HttpServletResponse response) {
		discardUncommitted(response);
		if (ex.getErrorCode() == HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE) {
			return problem(TOO_LARGE, "The request body is larger than this server accepts.");
		}
		return problem(INVALID_PARAMETER, "The request's parameters could not be read.");
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> handleUnexpected(Exception ex, HttpServletResponse response) {
		discardUncommitted(response);
		// Type and message only: a stack trace could carry request data into the log.
		logger.error("Unexpected {}: {}", ex.getClass().getName(), ex.getMessage());
		return problem(INTERNAL, "The request could not be completed. It has been logged.");
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Throwable cause = ex.getCause();
		if (cause instanceof UnrecognizedPropertyException unknown) {
			return body(UNKNOWN_FIELD, "Field '" + unknown.getPropertyName() + "' is not accepted here.");
		}
		if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
			return body(INVALID_FIELD, "Field '" + path(mismatch) + "' has the wrong type or format.");
		}
		if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
			return body(INVALID_FIELD, "Field '" + path(databind) + "' has an invalid value.");
		}
		if (cause instanceof MismatchedInputException) {
			return body(MALFORMED_BODY, "The request body must be a JSON object with the documented fields.");
		}
		if (cause instanceof JacksonException) {
			return body(MALFORMED_BODY, "The request body is not valid JSON.");
		}
		return body(MALFORMED_BODY, "The request body is missing or cannot be read.");
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String detail = ex.getFieldErrors()
			.stream()
			.map((error) -> "'" + error.getField() + "' " + error.getDefaultMessage())
			.sorted()
			.collect(Collectors.joining("; "));
		return body(INVALID_FIELD, detail.isEmpty() ? "The request is invalid." : detail + ".");
	}

	/**
	 * A handler that failed after choosing its own content type (the audit export's
	 * {@code application/x-ndjson}) leaves it on the response, and no problem could then
	 * be written: Spring would log the failure with its stack trace and answer a bare
	 * 500. Whatever it set is dropped while nothing has been sent yet.
	 */
	private static void discardUncommitted(HttpServletResponse response) {
		if (!response.isCommitted()) {
			response.reset();
		}
	}

	private static String path(DatabindException ex) {
		return ex.getPath()
			.stream()
			.map((ref) -> (ref.getPropertyName() != null) ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
			.collect(Collectors.joining("."));
	}

	private static ResponseEntity<Object> body(ProblemType type, String detail) {
		return ResponseEntity.status(type.status()).body(detail(type, detail));
	}

	static ResponseEntity<ProblemDetail> problem(ProblemType type, String detail) {
		return ResponseEntity.status(type.status()).body(detail(type, detail));
	}

	static ProblemDetail detail(ProblemType type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(type.status()), detail);
		problem.setType(type.uri());
		problem.setTitle(type.title());
		return problem;
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		// Spring's own refusals (405, 415, 404 for no handler, ...) get a stable type
		// too.
		if (body instanceof ProblemDetail problem
				&& (problem.getType() == null || URI.create("about:blank").equals(problem.getType()))) {
			problem.setType(ProblemType.uri("http-" + statusCode.value()));
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

}
