package org.flatspace.workflows.request;

import java.util.UUID;

/** An instance as its team sees it: no host. */
public record RequestInstance(UUID id, String name, String sizeName, String state) {
}
