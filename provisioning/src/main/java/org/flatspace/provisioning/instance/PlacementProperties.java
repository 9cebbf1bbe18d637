package org.flatspace.provisioning.instance;

import org.flatspace.provisioning.placement.PlacementWeights;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The weights placement gives its weighers, set by administrators under
 * {@code flatspace.placement.weights.*}. The defaults spread the load (least loaded host first);
 * {@code spread: 0, pack: 1} packs hosts instead.
 */
@ConfigurationProperties("flatspace.placement")
record PlacementProperties(@DefaultValue Weights weights) {

    record Weights(@DefaultValue("1.0") double spread, @DefaultValue("0.0") double pack,
                   @DefaultValue("10.0") double softSpread, @DefaultValue("0.5") double balance) {
    }

    /** Checked at start-up: a negative weight stops the application with the reason. */
    PlacementWeights toWeights() {
        try {
            return new PlacementWeights(weights.spread(), weights.pack(), weights.softSpread(), weights.balance());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("flatspace.placement.weights: " + e.getMessage(), e);
        }
    }
}
