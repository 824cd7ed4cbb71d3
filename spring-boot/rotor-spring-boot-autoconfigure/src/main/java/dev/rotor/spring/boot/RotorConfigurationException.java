package dev.rotor.spring.boot;

import java.util.Objects;

/**
 * A {@code rotor.*} setting the application cannot start with. Its message is one line naming the property, the
 * problem and the fix, and never a secret; {@link RotorFailureAnalyzer} shows it in place of a stack trace.
 */
public final class RotorConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The property at fault. */
    private final String property;

    /** What is wrong with it. */
    private final String problem;

    /** What to set instead. */
    private final String fix;

    /**
     * Creates the exception.
     *
     * @param property the property at fault, such as {@code rotor.signing-key.secret}
     * @param problem what is wrong with it, without its value
     * @param fix what to set instead
     * @throws NullPointerException if an argument is {@code null}
     */
    public RotorConfigurationException(String property, String problem, String fix) {
        super(property + ": " + problem + "; " + fix, null, false, false);
        this.property = Objects.requireNonNull(property, "property");
        this.problem = Objects.requireNonNull(problem, "problem");
        this.fix = Objects.requireNonNull(fix, "fix");
    }

    /**
     * The property at fault.
     *
     * @return its name, such as {@code rotor.access-token-ttl}
     */
    public String property() {
        return property;
    }

    /**
     * What is wrong.
     *
     * @return the problem, without the property's value
     */
    public String problem() {
        return problem;
    }

    /**
     * What to do about it.
     *
     * @return the fix
     */
    public String fix() {
        return fix;
    }

    /**
     * Runs a step of building Rotor from a property, turning the builder's refusal into this exception.
     *
     * @param property the property the step reads
     * @param step the step, such as a {@link dev.rotor.TokenServiceBuilder} setter call
     * @throws RotorConfigurationException if the step refused the value
     */
    static void apply(String property, Runnable step) {
        try {
            step.run();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new RotorConfigurationException(
                    property, e.getMessage(), "set " + property + " to a value Rotor accepts");
        }
    }
}
