/**
 * Rebalancing and consolidating a running pool: given where every instance runs now, a bounded
 * set of live migrations that evens out load or empties hosts, under the same hard rules as
 * placement. Plain Java and Timefold Solver, data in and plan out, with no Spring, JPA or libvirt
 * inside; {@link org.flatspace.provisioning.rebalance.GreedyRebalancer} is the baseline it is
 * measured against.
 */
package org.flatspace.provisioning.rebalance;
