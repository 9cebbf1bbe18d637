package org.flatspace.config.quota;

/** An amount of capacity as quotas count it. */
public record Resources(int vcpu, long memoryMib, long diskGib, int instances) {

    public static final Resources NONE = new Resources(0, 0, 0, 0);

    public Resources {
        if (vcpu < 0 || memoryMib < 0 || diskGib < 0 || instances < 0) {
            throw new IllegalArgumentException("Resources cannot be negative: " + vcpu + " vCPU, " + memoryMib
                    + " MiB, " + diskGib + " GiB, " + instances + " instances");
        }
    }

    /** count instances of one shape. */
    public static Resources of(int count, int vcpu, long memoryMib, long diskGib) {
        return new Resources(Math.multiplyExact(count, vcpu), Math.multiplyExact(count, memoryMib),
                Math.multiplyExact(count, diskGib), count);
    }
}
