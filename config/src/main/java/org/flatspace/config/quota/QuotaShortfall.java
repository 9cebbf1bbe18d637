package org.flatspace.config.quota;

/** One resource a request needs more of than the team has free. */
public record QuotaShortfall(String resource, long requested, long free) {

    /** "needs 8 vCPU; the team has 4 free". */
    public String describe() {
        return "needs " + requested + " " + resource + "; the team has " + Math.max(free, 0) + " free";
    }
}
