package dev.rotor.spring.boot;

/** The Spring Boot line this starter is built for. */
final class BootVersion {

    private BootVersion() {}

    /**
     * Fails unless the running Boot is 4 or newer.
     *
     * @param running {@code SpringBootVersion.getVersion()}, {@code null} when unknown (then trusted)
     */
    static void require(String running) {
        if (running == null) {
            return;
        }
        int dot = running.indexOf('.');
        String major = dot < 0 ? running : running.substring(0, dot);
        if (!major.matches("[0-9]{1,3}") || Integer.parseInt(major) < 4) {
            throw new RotorConfigurationException(
                    "spring-boot.version",
                    "rotor-spring-boot-starter needs Spring Boot 4.0 or newer, this application runs Spring Boot "
                            + running,
                    "upgrade to Spring Boot 4");
        }
    }
}
