package org.flatspace.workflows.notify;

import java.time.Instant;

/** One notification in a person's in-app list. */
public record NotificationView(long id, Long requestId, String subject, String body, Instant createdAt,
                               boolean read) {
}
