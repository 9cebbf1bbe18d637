package org.flatspace.portal.startup;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Refuses to start on a database connection whose isolation is not READ COMMITTED: Camunda needs it,
 * and MariaDB's default (REPEATABLE READ) would let quota and host updates see stale rows. Runs as
 * soon as the data source exists, before Flyway, JPA or Camunda touch it.
 */
@Component
class TransactionIsolationCheck implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource) {
            check(dataSource);
        }
        return bean;
    }

    static void check(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            int isolation = connection.getTransactionIsolation();
            if (isolation != Connection.TRANSACTION_READ_COMMITTED) {
                throw new BeanInitializationException("The database connections use transaction isolation "
                        + name(isolation) + "; Flatspace needs READ COMMITTED. Set "
                        + "spring.datasource.hikari.transaction-isolation=TRANSACTION_READ_COMMITTED "
                        + "(the shipped profiles do).");
            }
        } catch (SQLException e) {
            throw new BeanInitializationException("Cannot connect to the database to check its isolation level: "
                    + e.getMessage(), e);
        }
    }

    private static String name(int isolation) {
        return switch (isolation) {
            case Connection.TRANSACTION_READ_UNCOMMITTED -> "READ UNCOMMITTED";
            case Connection.TRANSACTION_REPEATABLE_READ -> "REPEATABLE READ";
            case Connection.TRANSACTION_SERIALIZABLE -> "SERIALIZABLE";
            default -> "level " + isolation;
        };
    }
}
