package dev.rotor.spring.boot;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.resource.OAuth2ResourceServerConfigurer;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;

/**
 * The one line an application writes to have Spring Security verify Rotor's access tokens: {@code
 * http.oauth2ResourceServer(rotorResourceServer)}, with this bean injected. It sets Rotor's {@link
 * org.springframework.security.oauth2.jwt.JwtDecoder}, a converter whose principal is Rotor's {@link
 * dev.rotor.AccessClaims}, and an entry point that answers 401 with {@code WWW-Authenticate: Bearer
 * error="invalid_token"} and Rotor's JSON body, or 503 when the store is down.
 */
public final class RotorResourceServer implements Customizer<OAuth2ResourceServerConfigurer<HttpSecurity>> {

    private final RotorJwtDecoder decoder;
    private final RotorAuthenticationConverter converter;
    private final RotorAuthenticationEntryPoint entryPoint;

    RotorResourceServer(
            RotorJwtDecoder decoder, RotorAuthenticationConverter converter, RotorAuthenticationEntryPoint entryPoint) {
        this.decoder = decoder;
        this.converter = converter;
        this.entryPoint = entryPoint;
    }

    /**
     * Configures the resource server.
     *
     * @param resourceServer Spring Security's resource-server configurer
     */
    @Override
    public void customize(OAuth2ResourceServerConfigurer<HttpSecurity> resourceServer) {
        resourceServer
                .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(converter))
                .authenticationEntryPoint(entryPoint)
                .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                    @Override
                    public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                        filter.setAuthenticationFailureHandler(entryPoint);
                        return filter;
                    }
                });
    }
}
