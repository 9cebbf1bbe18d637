package org.flatspace.portal.api.request;

import java.time.LocalDate;

/** Body of an extension: the new lease end. */
record ExtendLease(LocalDate leaseEnd) {
}
