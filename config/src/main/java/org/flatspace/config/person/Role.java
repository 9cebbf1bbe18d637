package org.flatspace.config.person;

/** What a person may do in Flatspace. */
public enum Role {
    /** A team member: asks for capacity for the team's business functions. */
    REQUESTER,
    /** Approves the requests of their own team. */
    MANAGER,
    /** Runs the platform: quotas, sizes, tiers, hosts and policies. */
    ADMIN
}
