/**
 * A runnable server of the original Go service's endpoints on Rotor (the README's section "The original Go
 * service" describes that service): HTTP on {@code PORT} ({@code POST
 * /api/v1/auth/login}, {@code /refresh}, {@code /logout}, {@code /logout-all}, {@code GET
 * /api/v1/auth/sessions}, {@code /api/v1/me}) and gRPC on {@code GRPC_PORT} ({@code Login}, {@code
 * RefreshToken}, {@code Logout}). Start it with {@code java -jar examples/target/rotor-examples.jar}; see
 * {@link dev.rotor.examples.ServerSettings} for its environment variables.
 */
package dev.rotor.examples;
