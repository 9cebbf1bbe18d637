package org.flatspace.config.audit;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the audit log to {@code flatspace.audit.retention} (default 400 days, a year and a bit, as
 * audits of a year ask for; {@code 0} keeps everything): once a day, and ten minutes after start,
 * the entries recorded before that are removed. Every node does it; a second one finds nothing left.
 */
@Component
class AuditRetention {

    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

    private final AuditService audit;
    private final Duration retention;
    private final Clock clock;

    AuditRetention(AuditService audit, @Value("${flatspace.audit.retention:400d}") Duration retention,
                   Optional<Clock> clock) {
        if (!retention.isZero() && retention.compareTo(Duration.ofDays(7)) < 0) {
            throw new IllegalArgumentException("flatspace.audit.retention is " + retention
                    + "; choose 0 (keep everything) or at least 7d");
        }
        this.audit = audit;
        this.retention = retention;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT24H")
    void removeOldEntries() {
        if (retention.isZero()) {
            return;
        }
        long removed = audit.removeRecordedBefore(clock.instant().minus(retention));
        if (removed > 0) {
            log.info("Removed {} audit entries older than {}", removed, retention);
        }
    }
}
