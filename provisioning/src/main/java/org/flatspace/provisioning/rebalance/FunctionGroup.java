package org.flatspace.provisioning.rebalance;

/**
 * One business function whose rules look at its instances together (a Timefold problem fact): a
 * hard spread across fault domains or affinity. The hard spread is Kubernetes' topology spread with
 * maxSkew 1 over the fault domains that are usable for the function (a host there passes the
 * filters that do not depend on room); a plan may not leave the skew above 1, or above what it was
 * before the plan if it was higher already. Affinity keeps moved instances in the fault domains
 * where the function ran before the plan.
 */
final class FunctionGroup {

    final long functionId;
    final boolean hardSpread;
    final boolean affinity;
    private final boolean[] usableDomains;
    private final int[] initialPerDomain;
    final int usableDomainCount;
    final int allowedSkew;

    /**
     * @param usableDomains    per fault domain index, whether a host there passes the function's static rules
     * @param initialPerDomain per fault domain index, the function's instances there before the plan
     */
    FunctionGroup(long functionId, boolean hardSpread, boolean affinity, boolean[] usableDomains,
                  int[] initialPerDomain) {
        this.functionId = functionId;
        this.hardSpread = hardSpread;
        this.affinity = affinity;
        this.usableDomains = usableDomains;
        this.initialPerDomain = initialPerDomain.clone();
        int usable = 0;
        for (boolean u : usableDomains) {
            usable += u ? 1 : 0;
        }
        this.usableDomainCount = usable;
        this.allowedSkew = Math.max(1, skew(initialPerDomain));
    }

    boolean isUsable(int domain) {
        return usableDomains[domain];
    }

    boolean ranIn(int domain) {
        return initialPerDomain[domain] > 0;
    }

    /**
     * The skew given the function's instances per domain: the most in a usable domain less the
     * fewest in a usable domain, where a usable domain without any counts as 0.
     *
     * @param most     the most instances in one usable domain
     * @param fewest   the fewest instances in one usable domain that holds any
     * @param occupied how many usable domains hold any
     */
    int skew(int most, int fewest, int occupied) {
        return most - (occupied < usableDomainCount ? 0 : fewest);
    }

    /** The skew of a full count per domain, for the plain-Java side. */
    int skew(int[] perDomain) {
        int most = 0;
        int fewest = Integer.MAX_VALUE;
        for (int d = 0; d < perDomain.length; d++) {
            if (usableDomains[d]) {
                most = Math.max(most, perDomain[d]);
                fewest = Math.min(fewest, perDomain[d]);
            }
        }
        return fewest == Integer.MAX_VALUE ? 0 : most - fewest;
    }

    @Override
    public String toString() {
        return "function " + functionId;
    }
}
