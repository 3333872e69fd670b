package dev.latchkey.system;

import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * SPEC §7 "private by default" for the embedded H2 file database: before the data source
 * is built, its directory is made private and, unless {@code spring.datasource.password}
 * is set, the user's password comes from the database's password file. Done on the data
 * source's settings rather than on the environment so that it sees the URL however it was
 * configured, and so that the server and the operator commands do the same. PostgreSQL
 * and in-memory databases are left alone.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedDatabaseConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

	@Bean
	static BeanPostProcessor embeddedDatabasePrivacy() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof DataSourceProperties properties) {
					H2FileDatabase.of(properties.getUrl()).ifPresent((database) -> prepare(database, properties));
				}
				return bean;
			}

		};
	}

	/**
	 * H2 writes its lock file anew at every open and may add files later (a trace file),
	 * with the umask's permissions; once it has opened the database, they are tightened.
	 */
	@Bean
	ApplicationListener<ApplicationStartedEvent> embeddedDatabaseFilesTightened(
			ObjectProvider<DataSourceProperties> properties) {
		return (event) -> properties
			.ifAvailable((settings) -> H2FileDatabase.of(settings.getUrl()).ifPresent(DataDirectory::tightenFiles));
	}

	private static void prepare(H2FileDatabase database, DataSourceProperties properties) {
		DataDirectory.makePrivate(database);
		if (properties.getPassword() == null) {
			String username = Objects.requireNonNullElse(properties.determineUsername(), "");
			properties.setPassword(DatabasePassword.readOrCreate(database, username));
		}
		else if (properties.getPassword().isEmpty()) {
			logger.warn("spring.datasource.password is set to the empty password: anyone who can reach the"
					+ " embedded database's directory can open it; unset it to use a generated password");
		}
	}

}
