package dev.latchkey;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class LatchkeyApplication {

	public static void main(String[] args) {
		SpringApplication.run(LatchkeyApplication.class, args);
	}

}
