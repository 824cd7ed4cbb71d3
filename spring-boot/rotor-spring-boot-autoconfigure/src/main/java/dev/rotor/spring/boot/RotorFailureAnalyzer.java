package dev.rotor.spring.boot;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Shows a {@link RotorConfigurationException} as Boot's "APPLICATION FAILED TO START" report, without a stack trace. */
final class RotorFailureAnalyzer extends AbstractFailureAnalyzer<RotorConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RotorConfigurationException cause) {
        return new FailureAnalysis(
                "Rotor cannot start: " + cause.property() + ": " + cause.problem(), "Fix: " + cause.fix(), cause);
    }
}
