package org.flatspace.portal.operations;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.flatspace.workflows.request.RequestStatistics;
import org.flatspace.workflows.request.RequestStatus;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code flatspace_requests{status="..."}}: how many capacity requests are in each status, from one
 * grouped count at most every {@link #MAX_AGE}.
 */
@Component
class RequestMetrics implements MeterBinder {

    static final Duration MAX_AGE = Duration.ofSeconds(5);

    private final RecentValue<Map<RequestStatus, Long>> counts;

    RequestMetrics(RequestStatistics statistics) {
        this.counts = new RecentValue<>(statistics::countByStatus, MAX_AGE, Clock.systemUTC());
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (RequestStatus status : RequestStatus.values()) {
            Gauge.builder("flatspace.requests", counts, c -> c.get().getOrDefault(status, 0L))
                    .description("Capacity requests by status")
                    .tag("status", status.name())
                    .register(registry);
        }
    }
}
