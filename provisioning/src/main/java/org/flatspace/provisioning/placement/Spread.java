package org.flatspace.provisioning.placement;

/** How the instances of one business function are spread across fault domains. */
public enum Spread {
    /** No rule: the weights alone decide. */
    NONE,
    /** Prefer the fault domains that hold the fewest of the function's instances. */
    SOFT,
    /**
     * Never let one fault domain hold more than one instance above the emptiest usable domain
     * (Kubernetes' topology spread with maxSkew 1, DoNotSchedule).
     */
    HARD
}
