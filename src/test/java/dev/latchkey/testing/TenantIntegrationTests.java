package dev.latchkey.testing;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of integration tests that work as one organisation over the HTTP API: each test
 * gets a fresh {@link Tenant} (an organisation with an admin holding a token) and an
 * {@link Api} client for the running server.
 */
@IntegrationTest
public abstract class TenantIntegrationTests {

	@LocalServerPort
	protected int port;

	@Autowired
	protected Fixtures fixtures;

	@Autowired
	protected TestClock clock;

	protected Api api;

	protected Tenant tenant;

	@BeforeEach
	void createTenant() {
		this.api = new Api(this.port);
		this.tenant = this.fixtures.tenant();
	}

}
