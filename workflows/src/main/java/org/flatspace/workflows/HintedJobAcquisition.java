package org.flatspace.workflows;

import java.util.Optional;

import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.impl.jobexecutor.JobAcquisitionContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobAcquisitionStrategy;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.NotifyAcquisitionRejectedJobsHandler;
import org.camunda.bpm.engine.impl.jobexecutor.SequentialJobAcquisitionRunnable;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.JobExecutionProperty;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;

/**
 * The Camunda starter's job executor, configured the same way ({@code camunda.bpm.job-execution.*}),
 * with one change to its acquisition loop: a cycle forgets the hint that woke it before it looks
 * for jobs, so that only hints arriving while it looks make the next cycle start at once.
 *
 * <p>Camunda clears the hint after the cycle instead, so every hinted cycle (one per job a
 * transaction commits, such as each request's provisioning job) was followed by a second one that
 * found nothing: a query, a transaction and a commit for nothing, about two per capacity request.
 * Nothing is missed by clearing first: a hint is sent after its job committed, so a hint that came
 * before the look finds its job in it, and one that comes during or after the look is kept for the
 * next cycle.
 */
@Configuration(proxyBeanMethods = false)
class HintedJobAcquisition {

    /** Replaces the starter's job executor (which steps back when one is defined). */
    @Bean
    @ConditionalOnProperty(prefix = "camunda.bpm.job-execution", name = "enabled", havingValue = "true",
            matchIfMissing = true)
    static JobExecutor jobExecutor(@Qualifier("camundaTaskExecutor") TaskExecutor taskExecutor,
                                   CamundaBpmProperties properties) {
        SpringJobExecutor executor = new SpringJobExecutor() {
            @Override
            protected void ensureInitialization() {
                super.ensureInitialization();
                acquireJobsRunnable = new Acquisition(this);
            }
        };
        executor.setTaskExecutor(taskExecutor);
        executor.setRejectedJobsHandler(new NotifyAcquisitionRejectedJobsHandler());
        JobExecutionProperty settings = properties.getJobExecution();
        Optional.ofNullable(settings.getLockTimeInMillis()).ifPresent(executor::setLockTimeInMillis);
        Optional.ofNullable(settings.getMaxJobsPerAcquisition()).ifPresent(executor::setMaxJobsPerAcquisition);
        Optional.ofNullable(settings.getWaitTimeInMillis()).ifPresent(executor::setWaitTimeInMillis);
        Optional.ofNullable(settings.getMaxWait()).ifPresent(executor::setMaxWait);
        Optional.ofNullable(settings.getBackoffTimeInMillis()).ifPresent(executor::setBackoffTimeInMillis);
        Optional.ofNullable(settings.getMaxBackoff()).ifPresent(executor::setMaxBackoff);
        Optional.ofNullable(settings.getBackoffDecreaseThreshold()).ifPresent(executor::setBackoffDecreaseThreshold);
        Optional.ofNullable(settings.getWaitIncreaseFactor()).ifPresent(executor::setWaitIncreaseFactor);
        return executor;
    }

    /** Camunda's loop, forgetting the waking hint before each look (see the class comment). */
    static final class Acquisition extends SequentialJobAcquisitionRunnable {

        Acquisition(JobExecutor executor) {
            super(executor);
        }

        @Override
        protected AcquiredJobs acquireJobs(JobAcquisitionContext context, JobAcquisitionStrategy strategy,
                                           ProcessEngineImpl engine) {
            clearJobAddedNotification();
            return super.acquireJobs(context, strategy, engine);
        }
    }
}
