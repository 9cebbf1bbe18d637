package org.flatspace.workflows.request;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One entry of a request's timeline. Written once, never changed. */
@Entity
@Table(name = "request_event")
class RequestEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "request_id")
    private long requestId;

    @Column(name = "occurred_at")
    private Instant at;

    private String actor;

    private String event;

    private String detail;

    protected RequestEvent() {
    }

    RequestEvent(long requestId, String actor, String event, String detail) {
        this.requestId = requestId;
        this.at = Instant.now();
        this.actor = actor;
        this.event = event;
        this.detail = detail;
    }

    TimelineEntry toEntry() {
        return new TimelineEntry(at, actor, event, detail);
    }
}
