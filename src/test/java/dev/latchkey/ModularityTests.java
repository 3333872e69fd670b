package dev.latchkey;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

	@Test
	void modulesHaveNoCyclesAndNoReachIntoInternals() {
		ApplicationModules.of(LatchkeyApplication.class).verify();
	}

}
