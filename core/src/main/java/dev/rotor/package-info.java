/**
 * Rotor: short-lived JWT access tokens and rotating refresh tokens with atomic reuse detection.
 *
 * <p>Start with {@link dev.rotor.TokenService#builder()}. The service issues a {@link
 * dev.rotor.TokenPair} at login, rotates it on {@link dev.rotor.TokenService#refresh refresh}, verifies
 * access tokens into {@link dev.rotor.AccessClaims}, lists and revokes sessions. Every refusal is a {@link
 * dev.rotor.RotorException} whose {@link dev.rotor.RotorException.Reason reason} knows its HTTP status,
 * gRPC code and JSON error body.
 *
 * <h2>Model</h2>
 *
 * A login opens a session (a token family). Its refresh token names the session and a generation; the
 * store keeps one record per session with the current generation. A refresh presenting the current
 * generation moves the session to the next one; presenting an older one is reuse and revokes per {@link
 * dev.rotor.ReuseScope}. The decision and its writes are one atomic store operation (see {@link
 * dev.rotor.spi.SessionStore}), so of any number of concurrent refreshes with one token exactly one wins. A
 * driver that retries a rotation that had already committed gets the same answer again, never a reuse
 * alarm; an opt-in grace period hands the same successor to a client that lost the response.
 *
 * <h2>Tokens</h2>
 *
 * Access tokens carry the header {@code typ: at+jwt}, refresh tokens {@code typ: rt+jwt}; neither is
 * accepted in place of the other. Only headers Rotor wrote itself verify, so the algorithm always comes from
 * the configured {@link dev.rotor.JwtKey}, never from a token. The signature is checked over the raw bytes,
 * in constant time, before any of the payload is parsed, and tokens longer than the configured maximum are
 * refused before they are decoded.
 *
 * <p>Access tokens follow RFC 9068 ({@code iss}, {@code aud}, {@code sub}, {@code client_id}, {@code iat},
 * {@code exp}, {@code jti}, optional {@code scope}; see {@link dev.rotor.Login}), and a token whose {@code aud}
 * does not name this service is refused. Other services verify them through {@link
 * dev.rotor.TokenService#jwkSet()}. Refresh tokens are signed with a key of their own that is never published
 * and name the refresh endpoint as their only audience, so no resource server accepts one.
 *
 * <h2>The original Go service</h2>
 *
 * Rotor began as the Java form of the refresh-token endpoint of a Go authentication service; its error bodies,
 * Chinese messages and defaults (such as revoking every session of a user on reuse) are that service's. Where
 * this documentation says "the original Go service", it means that one; the README's section "The original Go
 * service" says what it did and what Rotor changes.
 *
 * <h2>Security</h2>
 *
 * No token, token segment or signature is ever stored or logged; {@link dev.rotor.TokenPair#toString()}
 * redacts its tokens.
 */
package dev.rotor;
