package dev.latchkey.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver for tests: a real HTTP server on 127.0.0.1 that keeps every request
 * and answers with the statuses it is given, then 200.
 */
public final class Receiver implements AutoCloseable {

	private final HttpServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final Deque<Integer> statuses = new ArrayDeque<>();

	private Receiver() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
		this.server.createContext("/", this::handle);
		this.server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
		this.server.start();
	}

	public static Receiver start() throws IOException {
		return new Receiver();
	}

	/** Answers the next requests with these statuses, in order; 200 after them. */
	public Receiver answering(Integer... statuses) {
		synchronized (this.statuses) {
			this.statuses.addAll(List.of(statuses));
		}
		return this;
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/hooks/latchkey";
	}

	public List<Received> received() {
		return List.copyOf(this.received);
	}

	private void handle(HttpExchange exchange) throws IOException {
		byte[] body;
		try (InputStream in = exchange.getRequestBody()) {
			body = in.readAllBytes();
		}
		Map<String, List<String>> headers = Map.copyOf(exchange.getRequestHeaders());
		this.received.add(new Received(exchange.getRequestMethod(), headers, body));
		int status;
		synchronized (this.statuses) {
			status = this.statuses.isEmpty() ? 200 : this.statuses.removeFirst();
		}
		exchange.sendResponseHeaders(status, -1);
		exchange.close();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	public record Received(String method, Map<String, List<String>> headers, byte[] body) {

		public String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.map((entry) -> entry.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

		public String text() {
			return new String(this.body, java.nio.charset.StandardCharsets.UTF_8);
		}

	}

}
