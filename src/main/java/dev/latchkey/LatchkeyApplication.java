package dev.latchkey;

import java.util.Arrays;

import dev.latchkey.operator.OperatorCommandLine;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Starts the server, or with {@code operator ...} as arguments runs one operator command.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LatchkeyApplication {

	public static void main(String[] args) {
		if (args.length > 0 && "operator".equals(args[0])) {
			System.exit(OperatorCommandLine.run(LatchkeyApplication.class, Arrays.copyOfRange(args, 1, args.length)));
		}
		SpringApplication.run(LatchkeyApplication.class, args);
	}

}
