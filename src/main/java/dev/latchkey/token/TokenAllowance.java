package dev.latchkey.token;

/**
 * How many tokens an owner holds toward the limit, and how many a license allows (SPEC
 * rule 3), as counted under the owner's row lock.
 *
 * @param held tokens that hold a slot ({@link TokenValidity#holdsSlot})
 * @param perLicense the organisation's {@code maxTokensPerLicense}
 */
record TokenAllowance(long held, int perLicense) {

	boolean isUsedUp() {
		return this.held >= this.perLicense;
	}

}
