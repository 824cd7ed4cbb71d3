/**
 * Rotor in a Spring Boot 4 application: auto-configuration of the keys, the session store and the {@link
 * dev.rotor.TokenService} from {@code rotor.*} properties ({@link dev.rotor.spring.boot.RotorProperties}),
 * Spring Security's resource server verifying Rotor's access tokens ({@link
 * dev.rotor.spring.boot.RotorResourceServer}), opt-in token endpoints, Micrometer observations and an Actuator
 * health contributor.
 *
 * <p>Every bean backs off when the application defines its own. Rules stay in {@code rotor-core}: this
 * package maps Spring onto {@link dev.rotor.TokenService} and {@link dev.rotor.RotorException}.
 */
package dev.rotor.spring.boot;
