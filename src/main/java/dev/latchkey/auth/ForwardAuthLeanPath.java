package dev.latchkey.auth;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;

/**
 * Forward auth ({@code /auth/verify} and below) on the lean path: every method but
 * {@code OPTIONS}, which the dispatcher answers itself, as it always has.
 */
final class ForwardAuthLeanPath extends LeanPath {

	private final ForwardAuthController controller;

	ForwardAuthLeanPath(ForwardAuthController controller) {
		super("/auth/verify", PUBLIC_HEADERS, "/auth/verify", "/auth/verify/*");
		this.controller = controller;
	}

	@Override
	protected boolean takes(HttpServletRequest request) {
		String path = request.getServletPath();
		return (path.equals("/auth/verify") || path.startsWith("/auth/verify/"))
				&& !HttpMethod.OPTIONS.matches(request.getMethod());
	}

	@Override
	protected void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
		this.controller.verify(request.getParameter("organisation"), request, response);
	}

}
