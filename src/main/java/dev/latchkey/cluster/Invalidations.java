package dev.latchkey.cluster;

import java.util.LinkedHashSet;
import java.util.Set;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Announces changes that affect whether tokens authenticate. Repositories call
 * {@link #publish(Invalidation)} inside the changing transaction:
 * <ul>
 * <li>on PostgreSQL it sends {@code NOTIFY latchkey_invalidation}, which PostgreSQL
 * delivers to the other instances when, and only if, the transaction commits;</li>
 * <li>this instance's caches forget the entry after the commit, before the call that made
 * the change returns. Not before the commit: a verification in between would read the old
 * row and cache it again.</li>
 * </ul>
 * On H2 (the embedded, single-instance default) only the second happens.
 */
@Component
public class Invalidations {

	static final String CHANNEL = "latchkey_invalidation";

	private static final Logger logger = LoggerFactory.getLogger(Invalidations.class);

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final ObjectProvider<InvalidationListener> listeners;

	private volatile @Nullable Boolean postgres;

	Invalidations(JdbcClient jdbc, DataSource dataSource, ObjectProvider<InvalidationListener> listeners) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.listeners = listeners;
	}

	public void publish(Invalidation invalidation) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			notifyOtherInstances(invalidation);
			dispatch(invalidation);
			return;
		}
		if (pendingInThisTransaction().add(invalidation)) {
			notifyOtherInstances(invalidation);
		}
	}

	/** Whether other instances can be told: PostgreSQL has LISTEN/NOTIFY, H2 has not. */
	boolean isPostgres() {
		Boolean result = this.postgres;
		if (result == null) {
			try {
				String product = JdbcUtils.extractDatabaseMetaData(this.dataSource,
						(metaData) -> metaData.getDatabaseProductName());
				result = "PostgreSQL".equalsIgnoreCase(product);
			}
			catch (MetaDataAccessException ex) {
				throw new IllegalStateException("Cannot tell which database this is", ex);
			}
			this.postgres = result;
		}
		return result;
	}

	void dispatch(Invalidation invalidation) {
		this.listeners.orderedStream().forEach((listener) -> {
			try {
				listener.invalidate(invalidation);
			}
			catch (RuntimeException ex) {
				logger.error("Could not apply {}", invalidation, ex);
			}
		});
	}

	void dispatchAll() {
		this.listeners.orderedStream().forEach(InvalidationListener::invalidateAll);
	}

	private void notifyOtherInstances(Invalidation invalidation) {
		if (isPostgres()) {
			this.jdbc.sql("select pg_notify(:channel, :payload)")
				.param("channel", CHANNEL)
				.param("payload", invalidation.payload())
				.query((rs) -> {
				});
		}
	}

	/**
	 * The invalidations of the current transaction, applied locally once it commits. One
	 * transaction that revokes ten tokens sends ten notices, each once.
	 */
	@SuppressWarnings("unchecked")
	private Set<Invalidation> pendingInThisTransaction() {
		Set<Invalidation> pending = (Set<Invalidation>) TransactionSynchronizationManager.getResource(this);
		if (pending == null) {
			Set<Invalidation> created = new LinkedHashSet<>();
			TransactionSynchronizationManager.bindResource(this, created);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					created.forEach(Invalidations.this::dispatch);
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(Invalidations.this);
				}

			});
			pending = created;
		}
		return pending;
	}

}
