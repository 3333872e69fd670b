package dev.latchkey.console;

import java.util.function.Supplier;

import dev.latchkey.system.NotFound;
import dev.latchkey.system.ProblemException;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Post/Redirect/Get for the row actions of every table: the outcome travels to the list
 * as a one-time flash message; an id that is not visible still answers 404.
 */
final class RowActions {

	private RowActions() {
	}

	static String perform(RedirectAttributes redirect, String list, Supplier<String> action) {
		try {
			redirect.addFlashAttribute("notice", action.get());
		}
		catch (NotFound ex) {
			throw ex;
		}
		catch (ProblemException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:" + list;
	}

}
