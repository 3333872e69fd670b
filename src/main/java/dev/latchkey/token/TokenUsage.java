package dev.latchkey.token;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.latchkey.system.Actor;
import dev.latchkey.system.InvalidRequest;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How much a token is used (SPEC §9): authenticated requests per UTC day, for the owner
 * and the organisation's admins, as current as the last-used flush (at most
 * {@code latchkey.tokens.last-used-flush-interval} behind).
 */
@Service
public class TokenUsage {

	private final TokenManagement tokens;

	private final UsageDays days;

	private final Clock clock;

	TokenUsage(TokenManagement tokens, UsageDays days, Clock clock) {
		this.tokens = tokens;
		this.days = days;
		this.clock = clock;
	}

	/**
	 * The last {@code count} days up to today, oldest first, with a zero for a day
	 * without requests.
	 * @param count 1 to {@value UsageDays#KEPT_DAYS}
	 */
	@Transactional(readOnly = true)
	public List<UsageDay> of(Actor actor, TokenId id, int count) {
		if (count < 1 || count > UsageDays.KEPT_DAYS) {
			throw InvalidRequest.parameter("days", "'days' is between 1 and " + UsageDays.KEPT_DAYS + ".");
		}
		TokenView view = this.tokens.get(actor, id);
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		LocalDate first = today.minusDays(count - 1L);
		Map<LocalDate, Long> stored = this.days.find(view.token().id(), first);
		List<UsageDay> usage = new ArrayList<>(count);
		for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
			usage.add(new UsageDay(day, stored.getOrDefault(day, 0L)));
		}
		return usage;
	}

	/** Forgets the counts older than they are kept. */
	@Transactional
	public int forgetOld() {
		return this.days.deleteBefore(
				LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC).minusDays(UsageDays.KEPT_DAYS - 1L));
	}

	/** Requests of one token on one UTC day. */
	public record UsageDay(LocalDate date, long requests) {

	}

}
