package org.flatspace.portal.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.flatspace.portal.FlatspaceApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/** Flatspace refuses to start on MariaDB with REPEATABLE READ, and says what to set instead. */
class TransactionIsolationCheckIT {

    @Test
    void repeatableRead_isRefusedAtStartUpWithTheSettingToFix() {
        SpringApplication app = new SpringApplication(FlatspaceApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setAdditionalProfiles("mariadb", "isolation");

        assertThatThrownBy(() -> close(app.run()))
                .hasStackTraceContaining("use transaction isolation REPEATABLE READ; Flatspace needs READ COMMITTED")
                .hasStackTraceContaining("spring.datasource.hikari.transaction-isolation=TRANSACTION_READ_COMMITTED");
    }

    @Test
    void readCommitted_passesTheCheck() {
        var dataSource = new com.zaxxer.hikari.HikariDataSource();
        dataSource.setJdbcUrl("jdbc:mariadb://" + System.getProperty("flatspace.it.db.host", "127.0.0.1") + ":"
                + System.getProperty("flatspace.it.db.port", "3306") + "/flatspace_it_portal");
        dataSource.setUsername(System.getProperty("flatspace.it.db.user", "flatspace"));
        dataSource.setPassword(System.getProperty("flatspace.it.db.password", "flatspace"));
        dataSource.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        try (dataSource) {
            TransactionIsolationCheck.check(dataSource);
            assertThat(dataSource.isRunning()).isTrue();
        }
    }

    private static void close(ConfigurableApplicationContext context) {
        context.close();
    }
}
