package dev.rotor.examples.spring;

import dev.rotor.spring.boot.RotorResourceServer;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Spring Security for the API: bearer access tokens verified by Rotor through Spring Security's resource server,
 * on {@code GET /api/v1/me} only, so another method there is a 405 before any token is looked at, as the plain
 * example server answers.
 * The token endpoints check their own tokens (a refresh token is no bearer token); CSRF protection is off since
 * nothing here authenticates by ambient cookie except the refresh cookie, which SameSite=Strict and the JSON
 * Content-Type rule guard.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http, RotorResourceServer rotor) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET, "/api/v1/me")
                        .authenticated()
                        .anyRequest()
                        .permitAll())
                .oauth2ResourceServer(rotor);
        return http.build();
    }

    /**
     * A path Spring Security's firewall refuses (an encoded CR or LF, {@code ..}, a {@code ;}) names no endpoint:
     * the same 404 body as any unknown path, as the plain example server answers, instead of Boot's error page.
     */
    @Bean
    RequestRejectedHandler notFoundForRejectedPaths() {
        return (request, response, rejected) -> {
            ResponseEntity<String> reply = ApiErrors.notFoundReply();
            response.setStatus(reply.getStatusCode().value());
            reply.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
            response.getOutputStream().write(reply.getBody().getBytes(StandardCharsets.UTF_8));
        };
    }
}
