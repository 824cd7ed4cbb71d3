/**
 * The Spring Boot sample: the original Go service's HTTP API on {@code rotor-spring-boot-starter}. Login is the
 * application's ({@code LoginController}); refresh, logout, logout-all and sessions are the starter's endpoints;
 * {@code GET /api/v1/me} is protected by Spring Security verifying Rotor's access tokens.
 */
package dev.rotor.examples.spring;
