package dev.rotor.spring.boot.boot3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rotor.spring.boot.RotorConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A Spring Boot 3 application with Rotor's starter does not start, and says why in one line. */
@ExtendWith(OutputCaptureExtension.class)
class BootThreeFailsFastTest {

    /** The smallest application: auto-configuration on, nothing else. */
    @SpringBootApplication
    static class App {}

    @Test
    void startupFailsWithOneLineNamingBootFour(CapturedOutput output) {
        assertThat(SpringBootVersion.getVersion()).startsWith("3.");
        SpringApplication application = new SpringApplication(App.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setDefaultProperties(java.util.Map.of(
                "rotor.signing-key.secret", "a-test-secret-of-well-over-thirty-two-bytes-0123"));

        assertThatThrownBy(application::run).satisfies(failure -> {
            Throwable cause = failure;
            while (cause != null && !(cause instanceof RotorConfigurationException)) {
                cause = cause.getCause();
            }
            assertThat(cause).isNotNull();
            assertThat(cause.getMessage())
                    .isEqualTo("spring-boot.version: rotor-spring-boot-starter needs Spring Boot 4.0 or newer, this"
                            + " application runs Spring Boot " + SpringBootVersion.getVersion()
                            + "; upgrade to Spring Boot 4");
        });
        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START")
                .contains("rotor-spring-boot-starter needs Spring Boot 4.0 or newer");
    }
}
