package dev.latchkey.console;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializationFailedException;
import org.springframework.core.serializer.support.SerializingConverter;

/**
 * How console session attributes are written to the database: Java serialization, as
 * Spring Session does by default, except that an attribute that can no longer be read
 * (written by an older version of a class, or damaged) reads as absent. The visitor is
 * then simply not signed in, instead of getting an error on every request until the
 * session expires.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SessionSerialization implements BeanClassLoaderAware {

	private @Nullable ClassLoader classLoader;

	@Override
	public void setBeanClassLoader(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	/** The name Spring Session looks for. */
	@Bean
	GenericConversionService springSessionConversionService() {
		GenericConversionService conversions = new GenericConversionService();
		conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
		conversions.addConverter(byte[].class, Object.class,
				readOrForget(new DeserializingConverter(this.classLoader)));
		return conversions;
	}

	private static Converter<byte[], @Nullable Object> readOrForget(DeserializingConverter deserializer) {
		return (bytes) -> {
			try {
				return deserializer.convert(bytes);
			}
			catch (SerializationFailedException ex) {
				return null;
			}
		};
	}

}
