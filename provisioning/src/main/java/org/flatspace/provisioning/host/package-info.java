/**
 * The hosts of the pool: where each is reached, what it can hold, its state, and what is allocated
 * on it. Allocation changes are conditional updates, so racing placements never overcommit a host.
 */
package org.flatspace.provisioning.host;
