package org.flatspace.provisioning.placement;

/** How many hosts were turned away for one cause; {@code detail} fills in the amount or rule. */
public record Rejection(Cause cause, String detail, int hosts) {

    /** "12 hosts lack 64 GiB memory": for administrators. */
    public String sentence() {
        return cause.sentence(hosts, detail);
    }
}
