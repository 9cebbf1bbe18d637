package org.flatspace.portal.api.request;

/** Body of a quota-increase ask: why the team needs more. */
record QuotaIncrease(String reason) {
}
