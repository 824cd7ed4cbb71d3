package dev.rotor.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rotor.TokenService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.function.RouterFunction;

/** Which beans appear when, and that each one backs off for the application's own. */
class ConditionsTest {

    private static final AutoConfigurations ALL = AutoConfigurations.of(
            RotorAutoConfiguration.class,
            RotorSecurityAutoConfiguration.class,
            RotorWebAutoConfiguration.class,
            RotorObservationAutoConfiguration.class,
            RotorHealthAutoConfiguration.class);

    private final WebApplicationContextRunner web = new WebApplicationContextRunner()
            .withConfiguration(ALL)
            .withPropertyValues(
                    "rotor.signing-key.secret=" + RotorAutoConfigurationTest.SECRET, "rotor.store.type=memory");

    @Test
    void aServletApplicationGetsSecurityAndResponsesButNoFilterChainAndNoEndpoints() {
        web.run(context -> {
            assertThat(context)
                    .hasSingleBean(RotorResourceServer.class)
                    .hasSingleBean(JwtDecoder.class)
                    .hasSingleBean(RotorTokenResponses.class)
                    .doesNotHaveBean(SecurityFilterChain.class)
                    .doesNotHaveBean(RouterFunction.class);
            assertThat(context.getBean(TokenService.class)).isInstanceOf(ObservedTokenService.class);
        });
    }

    @Test
    void endpointsOnlyWhenAskedFor() {
        web.withPropertyValues("rotor.web.endpoints.enabled=true")
                .run(context -> assertThat(context).hasBean("rotorTokenEndpoints"));
    }

    @Test
    void theApplicationsDecoderAndCustomizerWin() {
        JwtDecoder own = token -> {
            throw new UnsupportedOperationException();
        };
        web.withBean(JwtDecoder.class, () -> own)
                .run(context -> assertThat(context.getBean(JwtDecoder.class)).isSameAs(own));
    }

    @Test
    void withoutSpringSecurityOrOutsideAWebApplicationOnlyTheCoreRemains() {
        web.withClassLoader(new FilteredClassLoader(JwtDecoder.class)).run(context -> assertThat(context)
                .doesNotHaveBean(RotorResourceServer.class)
                .hasSingleBean(RotorTokenResponses.class));
        new ApplicationContextRunner()
                .withConfiguration(ALL)
                .withPropertyValues(
                        "rotor.signing-key.secret=" + RotorAutoConfigurationTest.SECRET, "rotor.store.type=memory")
                .run(context -> assertThat(context)
                        .hasSingleBean(TokenService.class)
                        .doesNotHaveBean(RotorTokenResponses.class));
    }

    @Test
    void observationsCanBeTurnedOff() {
        web.withPropertyValues("rotor.observations.enabled=false")
                .run(context ->
                        assertThat(context.getBean(TokenService.class)).isNotInstanceOf(ObservedTokenService.class));
    }
}
