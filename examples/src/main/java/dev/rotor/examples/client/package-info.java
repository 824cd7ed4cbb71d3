/**
 * A Java client for the example server: {@link dev.rotor.examples.client.RotorClient} logs in, calls the API
 * with a bearer token, and refreshes it automatically, once for all threads that need it at the same time.
 */
package dev.rotor.examples.client;
