package org.flatspace.workflows.policy;

import java.time.Instant;

/** One deployed version of the approval policy. */
public record PolicyVersion(int version, String source, Instant deployedAt, boolean active) {
}
