package org.flatspace.workflows.notify;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "notification")
class Notification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String recipient;

    @Column(name = "request_id")
    private Long requestId;

    private String subject;

    private String body;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "read_at")
    private Instant readAt;

    protected Notification() {
    }

    Notification(String recipient, Long requestId, String subject, String body) {
        this.recipient = recipient;
        this.requestId = requestId;
        this.subject = subject;
        this.body = body;
        this.createdAt = Instant.now();
    }

    String recipient() {
        return recipient;
    }

    void markRead() {
        if (readAt == null) {
            readAt = Instant.now();
        }
    }

    NotificationView toView() {
        return new NotificationView(id, requestId, subject, body, createdAt, readAt != null);
    }
}
