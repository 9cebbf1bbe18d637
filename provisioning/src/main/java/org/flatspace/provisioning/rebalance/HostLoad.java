package org.flatspace.provisioning.rebalance;

import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import ai.timefold.solver.core.api.score.stream.uni.UniConstraintCollector;

/**
 * What the listed instances on one host add up to, and how many of them moved in: the per-host
 * group the capacity, balance and consolidation constraints share.
 */
record HostLoad(long vcpu, long memory, long disk, int movedIn) {

    /** Sums the instances of one group incrementally: each instance adds itself and undoes itself. */
    static final UniConstraintCollector<PlanInstance, Sum, HostLoad> SUM = new UniConstraintCollector<>() {
        @Override
        public Supplier<Sum> supplier() {
            return Sum::new;
        }

        @Override
        public BiFunction<Sum, PlanInstance, Runnable> accumulator() {
            return Sum::add;
        }

        @Override
        public Function<Sum, HostLoad> finisher() {
            return Sum::result;
        }
    };

    /** The mutable running sum behind {@link #SUM}. */
    static final class Sum {
        private long vcpu;
        private long memory;
        private long disk;
        private int movedIn;

        Runnable add(PlanInstance instance) {
            int in = instance.moved() ? 1 : 0;
            vcpu += instance.vcpu;
            memory += instance.memory;
            disk += instance.disk;
            movedIn += in;
            return () -> {
                vcpu -= instance.vcpu;
                memory -= instance.memory;
                disk -= instance.disk;
                movedIn -= in;
            };
        }

        HostLoad result() {
            return new HostLoad(vcpu, memory, disk, movedIn);
        }
    }
}
