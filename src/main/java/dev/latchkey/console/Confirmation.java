package dev.latchkey.console;

/**
 * A question asked before a state change: the page that asks it when scripts are off, and
 * the data a script uses to ask it in a dialog instead.
 *
 * @param name the action's short name in URLs, e.g. {@code revoke}
 * @param title the question, e.g. "Revoke token 'ci'?"
 * @param message what will happen, in plain words
 * @param page where the question is asked without scripts (GET)
 * @param action where the confirming form posts
 * @param label the button's text, on the row and in the question
 * @param danger whether the change is destructive
 * @param back where "Cancel" goes
 */
record Confirmation(String name, String title, String message, String page, String action, String label, boolean danger,
		String back) {

	static Confirmation of(String base, String name, String label, String title, String message, boolean danger,
			String back) {
		return new Confirmation(name, title, message, base + "/" + name, base + "/" + name, label, danger, back);
	}

}
