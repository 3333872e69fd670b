// Progressive enhancement for the console: every page works without this script.
// It turns confirmation pages into dialogs, opens the create dialogs in place, copies
// a new token or client secret, makes closing their dialogs leave no trace of the secret,
// and hints at malformed allowlist lines while they are typed.
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

	// Allowlists: a hint for lines that are plainly no address or CIDR block, while
	// typing. Only a hint: the server judges every entry (and says more, e.g. host bits
	// set after the prefix), and the form is sent whatever the hint says. The hint
	// names lines by number and never repeats what was typed.
	const MAX_ALLOWLIST_ENTRIES = 20;

	function ipv4Problem(address, prefix) {
		const parts = address.split('.');
		if (parts.length !== 4 || !parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255)) {
			return 'is not an IPv4 address';
		}
		if (prefix !== null && (prefix < 1 || prefix > 32)) {
			return prefix === 0 ? 'is a /0 block, which would admit every address; leave the field empty instead' : 'has a prefix length above 32';
		}
		return null;
	}

	function ipv6Problem(address, prefix) {
		const doubles = address.split('::').length - 1;
		const groups = address.split(':').filter((g) => g !== '');
		if (!/^[0-9a-fA-F:.]+$/.test(address) || doubles > 1 || groups.length > 8
			|| (doubles === 0 && groups.length !== 8 && !address.includes('.'))
			|| groups.some((g) => !g.includes('.') && g.length > 4)) {
			return 'is not an IPv6 address';
		}
		if (prefix !== null && (prefix < 1 || prefix > 128)) {
			return prefix === 0 ? 'is a /0 block, which would admit every address; leave the field empty instead' : 'has a prefix length above 128';
		}
		return null;
	}

	function allowlistProblem(line) {
		const slash = line.split('/');
		if (slash.length > 2 || (slash.length === 2 && !/^\d{1,3}$/.test(slash[1]))) {
			return 'is not an address or a CIDR block such as 10.0.0.0/8';
		}
		const prefix = slash.length === 2 ? Number(slash[1]) : null;
		if (slash[0].includes(':')) {
			return ipv6Problem(slash[0], prefix);
		}
		if (/^[\d.]+$/.test(slash[0])) {
			return ipv4Problem(slash[0], prefix);
		}
		return 'is not an IPv4 or IPv6 address (host names are not accepted)';
	}

	function allowlistHints(text) {
		const hints = [];
		const seen = new Set();
		let entries = 0;
		text.split(/\r?\n/).forEach((raw, index) => {
			const line = raw.trim();
			if (line === '') {
				return;
			}
			entries += 1;
			const problem = seen.has(line) ? 'repeats an earlier line' : allowlistProblem(line);
			seen.add(line);
			if (problem) {
				hints.push('Line ' + (index + 1) + ' ' + problem + '.');
			}
		});
		if (entries > MAX_ALLOWLIST_ENTRIES) {
			hints.unshift('At most ' + MAX_ALLOWLIST_ENTRIES + ' entries; this has ' + entries + '.');
		}
		return hints;
	}

	document.querySelectorAll('textarea[data-allowlist]').forEach((field) => {
		const output = document.getElementById(field.dataset.allowlistHint);
		if (!output) {
			return;
		}
		field.addEventListener('input', () => {
			const hints = allowlistHints(field.value);
			output.textContent = hints.slice(0, 3).join(' ') + (hints.length > 3 ? ' (and ' + (hints.length - 3) + ' more)' : '');
			if (hints.length > 0) {
				field.setAttribute('aria-invalid', 'true');
			}
			else {
				field.removeAttribute('aria-invalid');
			}
		});
	});

	// Dialogs the server rendered open (a refused create, a new token) become modal, so
	// focus stays inside them; without a script they stay in the page flow.
	document.querySelectorAll('dialog.dialog[open]').forEach((dialog) => {
		dialog.close();
		dialog.showModal();
	});
})();
