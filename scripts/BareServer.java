import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * The practical ceiling for scripts/bench-http.sh: the JDK's own HTTP server answering
 * every request with a fixed 2-byte body, on a pool of as many threads as cores. No
 * framework, no parsing beyond HTTP's; whatever Latchkey serves costs at least this.
 * Run with {@code java scripts/BareServer.java PORT}.
 */
public class BareServer {

	private static final byte[] BODY = "ok".getBytes(StandardCharsets.US_ASCII);

	public static void main(String[] args) throws IOException {
		int port = Integer.parseInt(args[0]);
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
		server.createContext("/", (exchange) -> {
			exchange.getRequestBody().readAllBytes();
			exchange.getResponseHeaders().set("Content-Type", "text/plain");
			exchange.sendResponseHeaders(200, BODY.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(BODY);
			}
		});
		server.setExecutor(Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors()));
		server.start();
		System.out.println("bare server on 127.0.0.1:" + port);
	}

}
