package dev.latchkey.system;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.Optional;

import dev.latchkey.testing.Api;
import dev.latchkey.testing.ApiResponse;
import dev.latchkey.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * SPEC §7: health on the public port, metrics (Prometheus) and every other actuator
 * endpoint on a management port bound to the loopback address. Requests from loopback, or
 * claiming to be through {@code X-Forwarded-For}, get nothing more than health on the
 * public port: behind a proxy on the same host, everyone comes from loopback.
 */
@IntegrationTest
class ManagementPortIntegrationTests {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	Api api;

	Api management;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.management = new Api(this.managementPort);
	}

	@Test
	void theManagementServerIsASeparatePort() {
		assertThat(this.managementPort).isPositive().isNotEqualTo(this.port);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness", "/healthz",
			"/livez", "/readyz" })
	void healthIsPublic(String path) {
		ApiResponse health = this.api.get(path, null);

		assertThat(health.status()).as(health.toString()).isEqualTo(200);
		assertThat(health.text("status")).isEqualTo("UP");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator", "/actuator/", "/actuator/metrics", "/actuator/metrics/jvm.memory.used",
			"/actuator/prometheus", "/actuator/info", "/actuator/env", "/actuator/beans", "/actuator/configprops",
			"/actuator/loggers", "/actuator/heapdump", "/actuator/threaddump", "/actuator/health/db",
			"/actuator/health/public", "/healthz/db" })
	void nothingButHealthIsServedOnThePublicPortEvenToLoopback(String path) {
		ApiResponse direct = this.api.get(path, null);
		ApiResponse forwarded = this.api
			.send(this.api.raw(path).header("X-Forwarded-For", "127.0.0.1").header("X-Real-IP", "127.0.0.1"));

		for (ApiResponse response : List.of(direct, forwarded)) {
			assertThat(response.status()).as(path + " " + response).isIn(401, 403, 404);
			assertThat(response.body()).as(path)
				.doesNotContain("jvm_")
				.doesNotContain("\"measurements\"")
				.doesNotContain("\"names\"");
		}
	}

	@Test
	void theManagementPortServesPrometheusMetrics() {
		this.api.get("/api/v1/me", "lkp_not_a_token");

		ApiResponse prometheus = this.management.get("/actuator/prometheus", null);

		assertThat(prometheus.status()).as(prometheus.toString()).isEqualTo(200);
		assertThat(prometheus.header("Content-Type")).startsWith("text/plain");
		assertThat(prometheus.body()).contains("jvm_memory_used_bytes")
			.contains("http_server_requests_seconds_count")
			.contains("cache_gets_total{cache=\"verification.known\"");
	}

	@Test
	void theManagementPortServesTheOtherEndpoints() {
		assertThat(this.management.get("/actuator/metrics", null).status()).isEqualTo(200);
		assertThat(this.management.get("/actuator/metrics/jvm.memory.used", null).status()).isEqualTo(200);
		assertThat(this.management.get("/actuator/info", null).status()).isEqualTo(200);
		assertThat(this.management.get("/actuator/health", null).text("status")).isEqualTo("UP");
		assertThat(this.management.get("/actuator/env", null).status()).as("not exposed").isIn(403, 404);
	}

	@Test
	void theManagementServerListensOnTheLoopbackAddressOnly() throws IOException {
		Optional<InetAddress> external = externalAddress();
		assumeTrue(external.isPresent(), "the machine has an address other than loopback");

		try (Socket publicPort = connect(external.get(), this.port)) {
			assertThat(publicPort.isConnected()).as("the public port answers on " + external.get()).isTrue();
		}
		assertThatExceptionOfType(IOException.class).as("the management port on " + external.get())
			.isThrownBy(() -> connect(external.get(), this.managementPort).close());
	}

	private static Socket connect(InetAddress address, int port) throws IOException {
		Socket socket = new Socket();
		socket.connect(new InetSocketAddress(address, port), 2000);
		return socket;
	}

	private static Optional<InetAddress> externalAddress() throws SocketException {
		return NetworkInterface.networkInterfaces()
			.filter(ManagementPortIntegrationTests::isUp)
			.flatMap(NetworkInterface::inetAddresses)
			.filter((address) -> address instanceof Inet4Address && !address.isLoopbackAddress())
			.findFirst();
	}

	private static boolean isUp(NetworkInterface network) {
		try {
			return network.isUp() && !network.isLoopback();
		}
		catch (SocketException ex) {
			return false;
		}
	}

}
