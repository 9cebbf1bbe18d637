package org.flatspace.workflows.request;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Figures about all capacity requests, for operators' metrics: no team's data, only counts. One
 * grouped query, cheap enough to run on every scrape (the portal caches it for a few seconds anyway).
 */
@Service
@Transactional(readOnly = true)
public class RequestStatistics {

    private final JdbcClient jdbc;

    RequestStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many requests are in each status; every status is present, with 0 when none is in it. */
    public Map<RequestStatus, Long> countByStatus() {
        Map<RequestStatus, Long> counts = new EnumMap<>(RequestStatus.class);
        for (RequestStatus status : RequestStatus.values()) {
            counts.put(status, 0L);
        }
        jdbc.sql("select status, count(*) from capacity_request group by status")
                .query((rs, row) -> counts.put(RequestStatus.valueOf(rs.getString(1)), rs.getLong(2)))
                .list();
        return counts;
    }
}
