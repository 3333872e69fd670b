package dev.latchkey.console;

import java.util.List;
import java.util.TreeSet;

import dev.latchkey.organisation.OrganisationPolicies;
import org.jspecify.annotations.Nullable;

/**
 * One option of the lifetime select of the create dialog. The options never exceed the
 * organisation's maximum; its default is always among them and preselected.
 */
record LifetimeChoice(int days, String label, boolean selected) {

	private static final List<Integer> COMMON = List.of(7, 30, 60, 90, 180, 365, 730);

	static List<LifetimeChoice> of(OrganisationPolicies policies, @Nullable Integer chosen) {
		TreeSet<Integer> days = new TreeSet<>();
		COMMON.stream().filter((d) -> d <= policies.maxTokenLifetimeDays()).forEach(days::add);
		days.add(policies.defaultTokenLifetimeDays());
		days.add(policies.maxTokenLifetimeDays());
		int selected = (chosen != null && days.contains(chosen)) ? chosen : policies.defaultTokenLifetimeDays();
		return days.stream().map((d) -> new LifetimeChoice(d, label(d, policies), d == selected)).toList();
	}

	private static String label(int days, OrganisationPolicies policies) {
		String label = Texts.days(days);
		if (days == policies.defaultTokenLifetimeDays()) {
			return label + " (default)";
		}
		if (days == policies.maxTokenLifetimeDays()) {
			return label + " (maximum)";
		}
		return label;
	}

}
