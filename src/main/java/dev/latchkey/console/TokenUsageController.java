package dev.latchkey.console;

import java.time.Clock;

import dev.latchkey.system.Actor;
import dev.latchkey.token.TokenId;
import dev.latchkey.token.TokenManagement;
import dev.latchkey.token.TokenUsage;
import dev.latchkey.token.TokenView;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Admin → API Tokens → Usage (SPEC §9): one token's authenticated requests per UTC day
 * over the last {@value #DAYS} days, as a chart drawn on the server. Who may see the
 * token may see its usage; the token module judges both.
 */
@Controller
class TokenUsageController {

	static final int DAYS = 30;

	private final TokenManagement tokens;

	private final TokenUsage usage;

	private final Clock clock;

	TokenUsageController(TokenManagement tokens, TokenUsage usage, Clock clock) {
		this.tokens = tokens;
		this.usage = usage;
		this.clock = clock;
	}

	@GetMapping(TokenRow.LIST + "/{id}/usage")
	String usage(@AuthenticationPrincipal Actor actor, @PathVariable String id, Model model) {
		TokenView view = this.tokens.get(actor, TokenId.parse(id));
		model.addAttribute("token", TokenRow.of(view, this.clock.instant()));
		model.addAttribute("chart", UsageChart.of(this.usage.of(actor, view.token().id(), DAYS)));
		return "token-usage";
	}

}
