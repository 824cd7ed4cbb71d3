/**
 * The PostgreSQL session store: {@link dev.rotor.store.jdbc.JdbcSessionStore}, plain JDBC on a {@link
 * javax.sql.DataSource}, no ORM, for PostgreSQL 14 or newer. Its schema ships in the jar as {@code
 * dev/rotor/store/jdbc/schema.sql} ({@link dev.rotor.store.jdbc.JdbcSessionStore#schema()}): one row per user,
 * written by compare-and-set on a version, each statement its own READ COMMITTED transaction. A refresh of a
 * session at its current generation is one statement.
 */
package dev.rotor.store.jdbc;
