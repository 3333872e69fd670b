package dev.latchkey.console;

import dev.latchkey.system.Actor;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Sign-in, the home page with its Admin tile, the sign-out page and the page for a
 * refused request.
 */
@Controller
class HomeController {

	@GetMapping("/")
	String home() {
		return "home";
	}

	@GetMapping("/login")
	String login(@AuthenticationPrincipal @Nullable Actor actor) {
		return (actor != null) ? "redirect:/" : "login";
	}

	/** Asks before signing out, saying what it will do to the user's tokens. */
	@GetMapping("/logout")
	String logout() {
		return "logout";
	}

	/**
	 * Where Spring Security forwards a refused request (any method): a role that may not
	 * see the page, or a form without a valid CSRF token.
	 */
	@RequestMapping("/forbidden")
	@ResponseStatus(HttpStatus.FORBIDDEN)
	String forbidden(HttpServletRequest request, Model model) {
		Object refusal = request.getAttribute(WebAttributes.ACCESS_DENIED_403);
		model.addAttribute("csrf", refusal instanceof CsrfException);
		return "forbidden";
	}

}
