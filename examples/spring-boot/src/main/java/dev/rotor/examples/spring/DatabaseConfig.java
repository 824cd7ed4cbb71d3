package dev.rotor.examples.spring;

import com.zaxxer.hikari.HikariDataSource;
import dev.rotor.store.jdbc.JdbcSessionStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * PostgreSQL when {@code DATABASE_URL} (mapped onto {@code spring.datasource.url}) is set, as the plain example
 * server does it: a HikariCP pool with bounded waits, Rotor's tables created if missing. The starter then selects
 * its jdbc store on this DataSource. Without the variable there is no DataSource, and the memory (or Redis) store
 * is used.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${spring.datasource.url:}'.isBlank()")
class DatabaseConfig {

    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(@Value("${spring.datasource.url}") String url) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setPoolName("rotor-postgres");
        pool.setMaximumPoolSize(16);
        pool.setConnectionTimeout(2_000);
        pool.addDataSourceProperty("connectTimeout", "2");
        pool.addDataSourceProperty("socketTimeout", "5");
        try (Connection connection = pool.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(JdbcSessionStore.schema());
        } catch (SQLException e) { // the message may quote the URL, which may hold a password
            pool.close();
            throw new IllegalStateException("cannot create Rotor's tables in DATABASE_URL: SQLState " + e.getSQLState());
        }
        return pool;
    }
}
