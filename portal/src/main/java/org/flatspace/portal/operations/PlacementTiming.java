package org.flatspace.portal.operations;

import java.time.Duration;
import java.util.Map;

import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.flatspace.provisioning.placement.PlacementResult;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * {@code flatspace_placement_seconds{outcome="placed|no_fit|error"}}: how long placement planning
 * takes for a request being provisioned ({@code PlacementService.plan}: the snapshot of the pool and
 * the engine's decision). Timed from outside, so that provisioning needs no metrics library and the
 * placement engine stays plain Java. The timers exist from start-up, so a dashboard shows 0, not
 * nothing, before the first placement.
 */
@Aspect
@Component
class PlacementTiming {

    static final String PLACED = "placed";
    static final String NO_FIT = "no_fit";
    static final String ERROR = "error";

    private final Map<String, Timer> timers;

    PlacementTiming(MeterRegistry registry) {
        this.timers = Map.of(PLACED, timer(registry, PLACED), NO_FIT, timer(registry, NO_FIT),
                ERROR, timer(registry, ERROR));
    }

    @Around("execution(* org.flatspace.provisioning.instance.PlacementService.plan(..))")
    Object time(ProceedingJoinPoint planning) throws Throwable {
        long start = System.nanoTime();
        String outcome = ERROR;
        try {
            Object result = planning.proceed();
            outcome = result instanceof PlacementResult.Placed ? PLACED : NO_FIT;
            return result;
        } finally {
            timers.get(outcome).record(Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private static Timer timer(MeterRegistry registry, String outcome) {
        return Timer.builder("flatspace.placement")
                .description("Placement planning for a request: pool snapshot and decision")
                .tag("outcome", outcome)
                .serviceLevelObjectives(Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofMillis(100),
                        Duration.ofMillis(500), Duration.ofSeconds(2))
                .register(registry);
    }
}
