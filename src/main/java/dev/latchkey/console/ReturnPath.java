package dev.latchkey.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.savedrequest.SimpleSavedRequest;

/**
 * Where to go after signing in: the page a signed-out visitor asked for, and nothing
 * else. Spring Security's default cache keeps the whole request (headers such as
 * {@code Authorization}, cookies, parameters) in the session, and sessions are stored in
 * the database, so a token sent to a console page by mistake would be written to disk.
 * This keeps only the path of a {@code GET}, without its query, and never replays a
 * request.
 */
final class ReturnPath implements RequestCache {

	private static final String ATTRIBUTE = ReturnPath.class.getName();

	@Override
	public void saveRequest(HttpServletRequest request, HttpServletResponse response) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		// a path starting "//" would redirect to another host (the firewall refuses it
		// too)
		if ("GET".equals(request.getMethod()) && path.startsWith("/") && !path.startsWith("//")) {
			request.getSession().setAttribute(ATTRIBUTE, new SimpleSavedRequest(path));
		}
	}

	@Override
	public @Nullable SavedRequest getRequest(HttpServletRequest request, HttpServletResponse response) {
		HttpSession session = request.getSession(false);
		return (session != null && session.getAttribute(ATTRIBUTE) instanceof SavedRequest saved) ? saved : null;
	}

	@Override
	public @Nullable HttpServletRequest getMatchingRequest(HttpServletRequest request, HttpServletResponse response) {
		return null;
	}

	@Override
	public void removeRequest(HttpServletRequest request, HttpServletResponse response) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.removeAttribute(ATTRIBUTE);
		}
	}

}
