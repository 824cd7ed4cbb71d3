/**
 * Keeps README.md honest: every {@code ```java} block compiles against the published modules alone (a {@code
 * ```java example} block also against the example module), the quick start
 * runs, and a JVM whose main returns with a Redis store built the README's way exits.
 */
package dev.rotor.readme;
