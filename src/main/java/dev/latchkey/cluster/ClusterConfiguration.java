package dev.latchkey.cluster;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the listener for other instances' notices on PostgreSQL, in the server only (not
 * in one-shot operator commands), and reports its state in {@code /actuator/health}
 * (component {@code invalidation}) and as metrics {@code latchkey.invalidation.*}.
 */
@Configuration(proxyBeanMethods = false)
class ClusterConfiguration {

	@Bean
	@ConditionalOnWebApplication
	NotificationListener notificationListener(DataSource dataSource, Invalidations invalidations,
			ClusterSettings settings, ObjectProvider<MeterRegistry> meters) {
		NotificationListener listener = new NotificationListener(dataSource, invalidations, settings);
		meters.ifAvailable((registry) -> {
			Gauge.builder("latchkey.invalidation.listener.connected", listener, (l) -> l.isConnected() ? 1 : 0)
				.description("1 while the listener for other instances' invalidation notices is connected")
				.register(registry);
			Gauge.builder("latchkey.invalidation.listener.connects", listener, NotificationListener::connects)
				.description("connections made by the listener; each one after the first cleared the caches")
				.register(registry);
			Gauge.builder("latchkey.invalidation.notices.received", listener, NotificationListener::received)
				.description("invalidation notices received from PostgreSQL")
				.register(registry);
		});
		return listener;
	}

	/**
	 * Stays UP while reconnecting: verification stays correct within the cache's maximum
	 * staleness, and taking the instance out of a load balancer would not help.
	 */
	@Bean
	@ConditionalOnWebApplication
	HealthIndicator invalidationHealthIndicator(Invalidations invalidations, NotificationListener listener,
			ClusterSettings settings) {
		return () -> {
			if (!settings.listen() || !invalidations.isPostgres()) {
				return Health.up().withDetail("mode", "local-only").build();
			}
			return Health.up()
				.withDetail("mode", "postgres-listen-notify")
				.withDetail("connected", listener.isConnected())
				.withDetail("connects", listener.connects())
				.withDetail("noticesReceived", listener.received())
				.build();
		};
	}

}
