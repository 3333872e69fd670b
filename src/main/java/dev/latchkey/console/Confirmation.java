package dev.latchkey.console;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A question asked before a state change: the page that asks it when scripts are off, and
 * the data a script uses to ask it in a dialog instead. A question with a {@link Choice}
 * (rotate: how long the old secret keeps working) is always asked on its page, where the
 * choice is a plain form field.
 *
 * @param name the action's short name in URLs, e.g. {@code revoke}
 * @param title the question, e.g. "Revoke token 'ci'?"
 * @param message what will happen, in plain words
 * @param page where the question is asked without scripts (GET)
 * @param action where the confirming form posts
 * @param label the button's text, on the row and in the question
 * @param danger whether the change is destructive
 * @param back where "Cancel" goes
 * @param choice what the confirming form asks besides yes, if anything
 */
record Confirmation(String name, String title, String message, String page, String action, String label, boolean danger,
		String back, @Nullable Choice choice) {

	static Confirmation of(String base, String name, String label, String title, String message, boolean danger,
			String back) {
		return new Confirmation(name, title, message, base + "/" + name, base + "/" + name, label, danger, back, null);
	}

	Confirmation with(Choice choice) {
		return new Confirmation(this.name, this.title, this.message, this.page, this.action, this.label, this.danger,
				this.back, choice);
	}

	/** Whether a script may ask the question in a dialog instead of the page. */
	public boolean inDialog() {
		return this.choice == null;
	}

	/**
	 * A select on the confirmation page.
	 *
	 * @param field the form field's name
	 * @param label the select's label
	 * @param hint what the options mean, under the select
	 * @param options the options, one of them selected
	 */
	record Choice(String field, String label, String hint, List<Option> options) {

	}

	/** One option of a {@link Choice}. */
	record Option(String value, String label, boolean selected) {

	}

}
