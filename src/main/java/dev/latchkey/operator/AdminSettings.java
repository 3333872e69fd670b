package dev.latchkey.operator;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first start's settings ({@code latchkey.admin.*}; the password usually comes from
 * the environment variable {@code LATCHKEY_ADMIN_PASSWORD}).
 *
 * @param password the password of the first admin; generated and printed once if not set
 * @param licenseSeats the license seats of the organisation {@code default}
 */
@ConfigurationProperties("latchkey.admin")
record AdminSettings(@Nullable String password, @DefaultValue("10") int licenseSeats) {

	AdminSettings {
		if (licenseSeats < 1) {
			throw new IllegalArgumentException("latchkey.admin.license-seats must be at least 1");
		}
	}

	@Override
	public String toString() {
		return "AdminSettings[licenseSeats=" + this.licenseSeats + "]";
	}

}
