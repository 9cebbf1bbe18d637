package org.flatspace.workflows.pool;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.flatspace.provisioning.host.HostView;
import org.flatspace.provisioning.host.PoolService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Fencing a failed host: the configured command (run without a shell, with the host's name and
 * URI as its arguments; exit code 0 within the timeout means the host is off), or an
 * administrator's confirmation. Either is recorded on the host before anything restarts.
 */
@Configuration(proxyBeanMethods = false)
class FenceDelegates {

    private static final Logger log = LoggerFactory.getLogger(FenceDelegates.class);

    @Bean
    JavaDelegate runFenceCommandDelegate(PoolService pool, PoolProperties properties) {
        return execution -> {
            HostView host = pool.host(PlanDelegates.hostId(execution)).orElseThrow();
            boolean fenced = !properties.fenceCommand().isBlank() && runFenceCommand(host, properties)
                    && pool.fence(host.id());
            execution.setVariable(PlanVariables.FENCED, fenced);
        };
    }

    @Bean
    JavaDelegate recordFencingDelegate(PoolService pool) {
        return execution -> pool.fence(PlanDelegates.hostId(execution));
    }

    private static boolean runFenceCommand(HostView host, PoolProperties properties) {
        List<String> command = List.of(properties.fenceCommand().strip(), host.name(), host.uri());
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(properties.fenceTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                log.error("Fence command for host {} did not finish within {}", host.name(), properties.fenceTimeout());
                return false;
            }
            boolean fenced = process.exitValue() == 0;
            log.warn("Fence command for host {} {} (exit code {})", host.name(), fenced ? "fenced it" : "failed",
                    process.exitValue());
            return fenced;
        } catch (IOException e) {
            log.error("Fence command for host {} could not run: {}", host.name(), e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
