// Progressive enhancement for the console: every page works without this script.
// It turns confirmation pages into dialogs, opens the create dialogs in place, copies
// a new token or client secret, and makes closing their dialogs leave no trace of the secret.
'use strict';

(function () {
	function csrfField() {
		const name = document.querySelector('meta[name="csrf-parameter"]');
		const token = document.querySelector('meta[name="csrf-token"]');
		if (!name || !token) {
			return null;
		}
		const input = document.createElement('input');
		input.type = 'hidden';
		input.name = name.content;
		input.value = token.content;
		return input;
	}

	function button(text, className, type) {
		const b = document.createElement('button');
		b.type = type;
		b.className = className;
		b.textContent = text;
		return b;
	}

	// A modal question. onConfirm gets the dialog's form; without it the form posts to action.
	function ask(options) {
		const dialog = document.createElement('dialog');
		dialog.className = 'dialog';
		dialog.setAttribute('aria-labelledby', 'confirm-title');
		dialog.setAttribute('aria-describedby', 'confirm-message');
		const form = document.createElement('form');
		form.method = 'post';
		form.action = options.action || '';
		const title = document.createElement('h2');
		title.id = 'confirm-title';
		title.textContent = options.title;
		const message = document.createElement('p');
		message.id = 'confirm-message';
		message.textContent = options.message;
		const actions = document.createElement('div');
		actions.className = 'dialog-actions';
		const cancel = button('Cancel', 'button', 'button');
		const confirm = button(options.label, options.danger ? 'button danger' : 'button primary', 'submit');
		confirm.id = 'confirm-button';
		actions.append(cancel, confirm);
		form.append(title, message, actions);
		const csrf = csrfField();
		if (csrf) {
			form.append(csrf);
		}
		dialog.append(form);
		cancel.addEventListener('click', () => dialog.close());
		dialog.addEventListener('close', () => dialog.remove());
		if (options.onConfirm) {
			form.addEventListener('submit', (event) => {
				event.preventDefault();
				options.onConfirm();
			});
		}
		document.body.append(dialog);
		dialog.showModal();
		cancel.focus();
	}

	// Row actions: links to a confirmation page become a confirmation dialog.
	document.addEventListener('click', (event) => {
		const link = event.target.closest('a[data-confirm-action]');
		if (!link) {
			return;
		}
		event.preventDefault();
		ask({
			title: link.dataset.confirmTitle,
			message: link.dataset.confirmMessage,
			label: link.dataset.confirmLabel,
			danger: link.dataset.confirmDanger === 'true',
			action: link.dataset.confirmAction,
		});
	});

	// Forms that say what they will do (signing out that revokes tokens) ask first.
	document.addEventListener('submit', (event) => {
		const form = event.target;
		if (!form.dataset || !form.dataset.confirmMessage || form.dataset.confirmed) {
			return;
		}
		event.preventDefault();
		ask({
			title: form.dataset.confirmTitle,
			message: form.dataset.confirmMessage,
			label: form.dataset.confirmLabel,
			danger: true,
			onConfirm: () => {
				form.dataset.confirmed = 'true';
				form.submit();
			},
		});
	});

	// Links that open a dialog of the page instead of navigating to its own page.
	document.addEventListener('click', (event) => {
		const opener = event.target.closest('[data-opens-dialog]');
		if (!opener) {
			return;
		}
		const dialog = document.getElementById(opener.dataset.opensDialog);
		if (dialog && !dialog.open) {
			event.preventDefault();
			dialog.showModal();
		}
	});

	document.addEventListener('click', (event) => {
		const closer = event.target.closest('[data-closes-dialog]');
		if (closer && closer.closest('dialog')) {
			event.preventDefault();
			closer.closest('dialog').close();
		}
	});

	// The secret: removed from the page when its dialog closes, and the page is replaced
	// (not added to the history) by the plain list, so neither Back nor a reload shows it.
	function forgetSecret(dialog, target) {
		dialog.remove();
		window.location.replace(target);
	}

	document.querySelectorAll('dialog[data-secret-dialog]').forEach((dialog) => {
		const done = dialog.querySelector('[data-closes-secret]');
		const target = done ? done.href : window.location.pathname;
		done.addEventListener('click', (event) => {
			event.preventDefault();
			forgetSecret(dialog, target);
		});
		dialog.addEventListener('cancel', (event) => {
			event.preventDefault();
			forgetSecret(dialog, target);
		});
	});

	// Copy: the Clipboard API where the page is a secure context, else the old way.
	document.addEventListener('click', async (event) => {
		const copy = event.target.closest('[data-copy]');
		if (!copy) {
			return;
		}
		const source = document.getElementById(copy.dataset.copy);
		const status = document.getElementById('copy-status');
		let copied = false;
		try {
			if (navigator.clipboard && window.isSecureContext) {
				await navigator.clipboard.writeText(source.value);
				copied = true;
			}
		}
		catch (e) {
			copied = false;
		}
		if (!copied) {
			source.focus();
			source.select();
			copied = document.execCommand('copy');
		}
		copy.textContent = copied ? 'Copied' : 'Copy';
		copy.dataset.copied = copied ? 'true' : 'false';
		// what was copied, when a dialog offers more than one value (a client's id and secret)
		const what = copy.dataset.copyWhat || 'token';
		if (status) {
			status.textContent = copied ? 'The ' + what + ' is on your clipboard.' : 'Select the ' + what + ' and copy it with your keyboard.';
		}
	});

	// Dialogs the server rendered open (a refused create, a new token) become modal, so
	// focus stays inside them; without a script they stay in the page flow.
	document.querySelectorAll('dialog.dialog[open]').forEach((dialog) => {
		dialog.close();
		dialog.showModal();
	});
})();
