package dev.latchkey.system;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A refusal that the caller can understand and act on. Subclasses are named for what
 * happened ({@code TokenExpired}, {@code TokenLimitReached}); the message is the
 * problem's {@code detail} and must never carry a secret or an internal.
 */
public abstract class ProblemException extends RuntimeException {

	private final ProblemType type;

	private final String detail;

	protected ProblemException(ProblemType type, String detail) {
		super(detail, null, false, false);
		this.type = type;
		this.detail = detail;
	}

	/**
	 * The problem's {@code detail}; unlike {@link Throwable#getMessage()}, never null.
	 */
	@Override
	public String getMessage() {
		return this.detail;
	}

	public ProblemType type() {
		return this.type;
	}

	/**
	 * For refusals that pass with time (rate limits): how long to wait, sent as
	 * {@code Retry-After}.
	 */
	public @Nullable Duration retryAfter() {
		return null;
	}

}
