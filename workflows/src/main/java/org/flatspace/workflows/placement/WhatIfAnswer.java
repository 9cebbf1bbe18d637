package org.flatspace.workflows.placement;

import java.util.Map;

/** Whether the pool could take the capacity now, where it would go, or why not. */
public record WhatIfAnswer(boolean fits, String explanation, Map<String, Long> instancesPerHost) {
}
