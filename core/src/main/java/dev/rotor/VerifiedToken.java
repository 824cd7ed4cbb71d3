package dev.rotor;

import java.util.Map;

/**
 * The claims of a token whose signature, kind, issuer, audience and times were checked.
 *
 * @param generation the refresh token's generation; -1 for an access token
 * @param deviceId the {@code did} claim, or {@code null}
 * @param clientId the {@code client_id} claim, or {@code null}: an access token's, or a refresh token's login's own
 * @param issuedAt {@code iat}, epoch seconds
 * @param expiresAt {@code exp}, epoch seconds
 * @param customClaims the access token's custom claims; empty for a refresh token
 * @param sessionClaimsJson the refresh token's {@code clm} object exactly as signed; {@code "{}"} for an
 *     access token
 */
record VerifiedToken(
        String subject,
        String sessionId,
        String tokenId,
        long generation,
        String deviceId,
        String clientId,
        long issuedAt,
        long expiresAt,
        Map<String, Object> customClaims,
        String sessionClaimsJson) {}
