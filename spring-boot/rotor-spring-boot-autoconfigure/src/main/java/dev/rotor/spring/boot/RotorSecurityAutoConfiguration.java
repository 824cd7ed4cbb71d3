package dev.rotor.spring.boot;

import dev.rotor.TokenService;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Spring Security's resource server on Rotor's access tokens: a {@link JwtDecoder} (so Boot's own
 * resource-server auto-configuration, which runs after, backs off) and the {@link RotorResourceServer}
 * customizer. Creates no {@code SecurityFilterChain}: the application writes its own and calls {@code
 * http.oauth2ResourceServer(rotorResourceServer)}.
 */
@AutoConfiguration(
        after = RotorAutoConfiguration.class,
        beforeName = "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet"
                + ".OAuth2ResourceServerAutoConfiguration")
@ConditionalOnClass({JwtDecoder.class, HttpSecurity.class, jakarta.servlet.http.HttpServletRequest.class})
@ConditionalOnBean(TokenService.class)
public class RotorSecurityAutoConfiguration {

    /** Created by Spring. */
    public RotorSecurityAutoConfiguration() {}

    /**
     * Verifies bearer tokens with the {@link TokenService}.
     *
     * @param tokens the token service
     * @param properties the settings
     * @return the decoder
     */
    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    public JwtDecoder rotorJwtDecoder(TokenService tokens, RotorProperties properties) {
        return new RotorJwtDecoder(
                tokens,
                properties.getIssuer(),
                audience(properties),
                properties.getSigningKey().getAlgorithm().name());
    }

    private static List<String> audience(RotorProperties properties) {
        return properties.audiences();
    }

    /**
     * The customizer for {@code http.oauth2ResourceServer(...)}.
     *
     * @param tokens the token service
     * @param properties the settings
     * @return the customizer
     */
    @Bean
    @ConditionalOnMissingBean
    public RotorResourceServer rotorResourceServer(TokenService tokens, RotorProperties properties) {
        RotorProperties.Security security = properties.getSecurity();
        return new RotorResourceServer(
                new RotorJwtDecoder(
                        tokens,
                        properties.getIssuer(),
                        audience(properties),
                        properties.getSigningKey().getAlgorithm().name()),
                new RotorAuthenticationConverter(security.getAuthoritiesClaim(), security.getAuthorityPrefix()),
                new RotorAuthenticationEntryPoint(tokens));
    }
}
