package org.flatspace.provisioning.placement;

/**
 * How much each weigher counts when the filters leave several hosts. Every weigher scores a host
 * from 0 to 1; the host with the highest weighted sum wins, the first in pool order on a tie.
 *
 * @param spread     least loaded first: keeps headroom everywhere (OpenStack's and Kubernetes'
 *                   default)
 * @param pack       most loaded first: fills hosts before opening new ones
 * @param softSpread for tiers with a soft spread: the fault domain with fewest of the function's
 *                   instances first
 * @param balance    hosts whose CPU and memory stay equally used after placement first, so no host
 *                   is left with CPU but no memory
 */
public record PlacementWeights(double spread, double pack, double softSpread, double balance) {

    public static final PlacementWeights SPREAD = new PlacementWeights(1.0, 0.0, 10.0, 0.5);
    public static final PlacementWeights PACK = new PlacementWeights(0.0, 1.0, 10.0, 0.1);

    public PlacementWeights {
        if (spread < 0 || pack < 0 || softSpread < 0 || balance < 0) {
            throw new IllegalArgumentException("Placement weights are 0 or more");
        }
    }
}
