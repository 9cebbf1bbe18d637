package org.flatspace.workflows.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.flatspace.provisioning.host.HostView;
import org.flatspace.provisioning.host.PoolService;
import org.flatspace.provisioning.hypervisor.DomainKind;
import org.flatspace.provisioning.hypervisor.DomainSpec;
import org.flatspace.provisioning.hypervisor.Hypervisor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the benchmark adds to the engine: the bare baseline's two delegates, and a signal when a
 * process instance is done (its last activity committed), so latency is measured to the commit.
 */
@TestConfiguration(proxyBeanMethods = false)
class BenchSupport extends AbstractProcessEnginePlugin {

    static final String BARE_PROCESS = "bench-bare";
    static final String BARE_DONE = "Task_BareProvision";
    private static final Set<String> DONE_ACTIVITIES = Set.of("Task_ActivateRequest", BARE_DONE);
    /** The first asynchronous activity of each process: where the job executor takes over. */
    private static final Set<String> ASYNC_ACTIVITIES = Set.of("Task_ProvisionInstances", BARE_DONE);

    private final ConcurrentHashMap<String, CountDownLatch> done = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Long> jobStarted = new ConcurrentHashMap<>();
    private final AtomicInteger nextHost = new AtomicInteger();
    private volatile long team;
    private volatile List<HostView> hosts;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : configuration.getCustomPostBPMNParseListeners();
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (ASYNC_ACTIVITIES.contains(activity.getId())) {
                    activity.addListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) execution ->
                            jobStarted.putIfAbsent(execution.getProcessBusinessKey(), System.nanoTime()));
                }
                if (DONE_ACTIVITIES.contains(activity.getId())) {
                    activity.addListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) execution -> {
                        String key = execution.getProcessBusinessKey();
                        Context.getCommandContext().getTransactionContext()
                                .addTransactionListener(TransactionState.COMMITTED, ctx -> latch(key).countDown());
                    });
                }
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    /** The team whose quota row the baseline's conditional UPDATE hits. */
    void useTeam(long benchTeam) {
        this.team = benchTeam;
    }

    /**
     * Starts one instance and waits until it is done. In milliseconds: the whole, the caller's
     * transaction, the wait for the job executor, and the asynchronous part until its commit.
     */
    Timing timeUntilDone(Supplier<String> start) throws InterruptedException {
        long begin = System.nanoTime();
        String key = start.get();
        long started = System.nanoTime();
        if (!latch(key).await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Process " + key + " did not finish in 2 minutes");
        }
        long end = System.nanoTime();
        done.remove(key);
        long job = jobStarted.remove(key);
        return new Timing((end - begin) / 1e6, (started - begin) / 1e6, (job - started) / 1e6, (end - job) / 1e6);
    }

    record Timing(double total, double caller, double pickUp, double job) {
    }

    private CountDownLatch latch(String key) {
        return done.computeIfAbsent(key, k -> new CountDownLatch(1));
    }

    /** One conditional UPDATE, as reserving quota does. */
    @Bean
    JavaDelegate bareReserve(JdbcClient jdbc) {
        return execution -> jdbc.sql("update quota set resv_instances = resv_instances + 1 where team_id = :team"
                + " and resv_instances + 1 <= limit_instances").param("team", team).update();
    }

    /** Defines and starts one test-driver domain, round robin over the pool. */
    @Bean
    JavaDelegate bareProvision(Hypervisor hypervisor, PoolService pool) {
        return execution -> {
            if (hosts == null) {
                hosts = pool.hosts();
            }
            HostView host = hosts.get(Math.floorMod(nextHost.getAndIncrement(), hosts.size()));
            UUID id = UUID.randomUUID();
            hypervisor.defineAndStart(host.uri(), new DomainSpec(id, "bare-" + id, "benchmark baseline",
                    DomainKind.TEST, 1, 64));
        };
    }
}
