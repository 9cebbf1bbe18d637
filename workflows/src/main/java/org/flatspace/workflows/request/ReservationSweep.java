package org.flatspace.workflows.request;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.flatspace.config.quota.QuotaService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gives back quota reserved for a request that never committed or is over. A reservation commits
 * on its own before the request's transaction does ({@link QuotaService#reserve}); when that
 * transaction rolls back the reservation is released at once, but a node that dies in between
 * leaves it behind. Runs on every node every few minutes; releasing is idempotent.
 */
@Component
class ReservationSweep {

    private static final Logger log = LoggerFactory.getLogger(ReservationSweep.class);
    /** Older than any transaction that is still running. */
    static final Duration GRACE = Duration.ofMinutes(10);
    private static final Set<RequestStatus> OVER = EnumSet.of(RequestStatus.REJECTED, RequestStatus.WITHDRAWN,
            RequestStatus.FAILED, RequestStatus.ENDED);

    private final QuotaService quotas;
    private final CapacityRequestRepository requests;
    private final Clock clock;

    ReservationSweep(QuotaService quotas, CapacityRequestRepository requests, Optional<Clock> clock) {
        this.quotas = quotas;
        this.requests = requests;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${flatspace.workflows.reservation-sweep:PT5M}")
    void sweep() {
        sweep(GRACE);
    }

    /** Releases the reservations older than the grace whose request is missing or over; how many. */
    int sweep(Duration grace) {
        int released = 0;
        for (String key : quotas.reservedBefore(clock.instant().minus(grace))) {
            Optional<CapacityRequest> request = requestOf(key);
            if (request.isEmpty() && !key.startsWith(CapacityRequest.KEY_PREFIX)) {
                continue;
            }
            if (request.isEmpty() || OVER.contains(request.get().status())) {
                quotas.release(key);
                released++;
                log.warn("Released quota reservation {}: its request {}", key,
                        request.map(r -> "is " + r.status()).orElse("was never recorded"));
            }
        }
        return released;
    }

    private Optional<CapacityRequest> requestOf(String key) {
        if (!key.startsWith(CapacityRequest.KEY_PREFIX)) {
            return Optional.empty();
        }
        try {
            return requests.findById(Long.parseLong(key.substring(CapacityRequest.KEY_PREFIX.length())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
