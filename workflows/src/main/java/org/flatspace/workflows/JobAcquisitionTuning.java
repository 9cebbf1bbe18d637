package org.flatspace.workflows;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the job executor's look for due jobs cheap when many timers wait. Every active request
 * holds lease timers due weeks ahead; Camunda's acquisition query ({@code DUEDATE_ is null or
 * DUEDATE_ <= now}) read all of them on every look, about 1.7 ms per look with a few thousand.
 * With every job given a due date ({@code ensureJobDueDateNotNull}) the query becomes a range on
 * an index of due dates that Camunda does not create itself, so this plugin creates it.
 */
@Component
class JobAcquisitionTuning extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(JobAcquisitionTuning.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnsureJobDueDateNotNull(true);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        String prefix = configuration.getDatabaseTablePrefix();
        try (Connection connection = configuration.getDataSource().getConnection();
             Statement statement = connection.createStatement()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true);
            // jobs made before due dates were set everywhere are due now, or the range would miss them
            int dated = statement.executeUpdate("update " + prefix + "ACT_RU_JOB set DUEDATE_ = CREATE_TIME_"
                    + " where DUEDATE_ is null and CREATE_TIME_ is not null");
            statement.execute("create index if not exists ACT_IDX_JOB_DUEDATE_FS on " + prefix
                    + "ACT_RU_JOB (DUEDATE_)");
            connection.setAutoCommit(autoCommit);
            if (dated > 0) {
                log.info("Gave {} waiting job(s) without a due date their creation time as due date", dated);
            }
        } catch (SQLException e) {
            log.warn("Could not index job due dates; the job executor works, more slowly: {}", e.getMessage());
        }
    }
}
