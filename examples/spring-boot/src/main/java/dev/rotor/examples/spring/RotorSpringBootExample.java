package dev.rotor.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The original Go service's HTTP API on Spring Boot: run with the same environment variables as the plain example. */
@SpringBootApplication
public class RotorSpringBootExample {

    /**
     * Starts the application.
     *
     * @param args Spring Boot's command-line arguments
     */
    public static void main(String[] args) {
        SpringApplication.run(RotorSpringBootExample.class, args);
    }
}
