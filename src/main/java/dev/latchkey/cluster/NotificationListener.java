package dev.latchkey.cluster;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Receives the other instances' invalidation notices on one dedicated PostgreSQL
 * connection, outside the pool. When the connection drops it reconnects with exponential
 * backoff; after every (re)connect it clears the caches, since notices sent while it was
 * away are lost.
 */
class NotificationListener implements SmartLifecycle {

	/** The name the connection shows in {@code pg_stat_activity.application_name}. */
	static final String APPLICATION_NAME = "latchkey-invalidation-listener";

	private static final Logger logger = LoggerFactory.getLogger(NotificationListener.class);

	private static final int POLL_MILLIS = 500;

	private final DataSource dataSource;

	private final Invalidations invalidations;

	private final ClusterSettings settings;

	private final AtomicLong connects = new AtomicLong();

	private final AtomicLong received = new AtomicLong();

	private volatile boolean running;

	private volatile boolean connected;

	private volatile int backendPid;

	private @Nullable Thread thread;

	NotificationListener(DataSource dataSource, Invalidations invalidations, ClusterSettings settings) {
		this.dataSource = dataSource;
		this.invalidations = invalidations;
		this.settings = settings;
	}

	/** Only on PostgreSQL: H2 has no LISTEN/NOTIFY and is single-instance. */
	@Override
	public void start() {
		if (!this.settings.listen() || !this.invalidations.isPostgres()) {
			return;
		}
		this.running = true;
		this.thread = Thread.ofPlatform().daemon().name(APPLICATION_NAME).start(this::listen);
	}

	@Override
	public void stop() {
		this.running = false;
		Thread listener = this.thread;
		if (listener != null) {
			try {
				listener.join(Duration.ofSeconds(5));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	boolean isConnected() {
		return this.connected;
	}

	/** The PostgreSQL backend process of the current connection, 0 when disconnected. */
	int backendPid() {
		return this.backendPid;
	}

	long connects() {
		return this.connects.get();
	}

	long received() {
		return this.received.get();
	}

	private void listen() {
		Duration backoff = this.settings.reconnectMinBackoff();
		while (this.running) {
			try (Connection connection = open()) {
				subscribe(connection);
				backoff = this.settings.reconnectMinBackoff();
				receive(connection);
			}
			catch (SQLException | RuntimeException ex) {
				if (this.running) {
					logger.warn("Invalidation listener lost its connection ({}); reconnecting in {} ms",
							ex.getMessage(), backoff.toMillis());
				}
			}
			finally {
				this.connected = false;
				this.backendPid = 0;
			}
			if (this.running) {
				sleep(backoff);
				backoff = min(backoff.multipliedBy(2), this.settings.reconnectMaxBackoff());
			}
		}
	}

	/**
	 * Listens first, then clears the caches: a change committed in between is either
	 * already read fresh or announced on this connection.
	 */
	private void subscribe(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("LISTEN " + Invalidations.CHANNEL);
			try (ResultSet rs = statement.executeQuery("select pg_backend_pid()")) {
				rs.next();
				this.backendPid = rs.getInt(1);
			}
		}
		this.invalidations.dispatchAll();
		this.connected = true;
		if (this.connects.incrementAndGet() > 1) {
			logger.info("Invalidation listener reconnected; caches cleared");
		}
	}

	private void receive(Connection connection) throws SQLException {
		PGConnection postgres = connection.unwrap(PGConnection.class);
		long lastHeard = System.nanoTime();
		long livenessNanos = this.settings.livenessCheckInterval().toNanos();
		while (this.running) {
			PGNotification[] notifications = postgres.getNotifications(POLL_MILLIS);
			if (notifications != null && notifications.length > 0) {
				for (PGNotification notification : notifications) {
					apply(notification.getParameter());
				}
				lastHeard = System.nanoTime();
			}
			else if (System.nanoTime() - lastHeard > livenessNanos) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("select 1");
				}
				lastHeard = System.nanoTime();
			}
		}
	}

	private void apply(String payload) {
		this.received.incrementAndGet();
		logger.debug("Invalidation notice {}", payload);
		Invalidation.parse(payload).ifPresentOrElse(this.invalidations::dispatch, () -> {
			logger.warn("Unknown invalidation notice; clearing the caches to be safe");
			this.invalidations.dispatchAll();
		});
	}

	/**
	 * A connection of its own rather than one of the pool's: it is held for the life of
	 * the instance and must not count against request handling.
	 */
	private Connection open() throws SQLException {
		if (this.dataSource.isWrapperFor(HikariDataSource.class)) {
			HikariDataSource hikari = this.dataSource.unwrap(HikariDataSource.class);
			Properties properties = new Properties();
			properties.putAll(hikari.getDataSourceProperties());
			if (hikari.getUsername() != null) {
				properties.setProperty("user", hikari.getUsername());
			}
			if (hikari.getPassword() != null) {
				properties.setProperty("password", hikari.getPassword());
			}
			properties.setProperty("ApplicationName", APPLICATION_NAME);
			properties.setProperty("tcpKeepAlive", "true");
			Connection connection = new org.postgresql.Driver().connect(hikari.getJdbcUrl(), properties);
			if (connection == null) {
				throw new SQLException("Not a PostgreSQL URL");
			}
			connection.setAutoCommit(true);
			return connection;
		}
		Connection connection = this.dataSource.getConnection();
		connection.setAutoCommit(true);
		return connection;
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	private static void sleep(Duration duration) {
		try {
			TimeUnit.MILLISECONDS.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
