package org.flatspace.provisioning.placement;

/**
 * Why a filter turned a host away, in the order the filters run: a host is counted under the
 * first cause that applies to it. Each cause knows how to say it for administrators (with a
 * number of hosts) and for requesters (without hosts).
 */
public enum Cause {
    IN_MAINTENANCE("is in maintenance", "are in maintenance", "too few hosts are in service"),
    DOWN("is down", "are down", "too few hosts are in service"),
    /** The host a drain or restart plan is emptying: it takes none of its own instances back. */
    BEING_EMPTIED("is the one being emptied", "are being emptied", "too few hosts are in service"),
    NOT_ACTIVE("is not active", "are not active", "too few hosts are in service"),
    OTHER_HYPERVISOR("runs another hypervisor than %s", "run another hypervisor than %s",
            "too few hosts offer what the service tier requires"),
    CPU_OVERCOMMITTED("overcommits CPU beyond %s", "overcommit CPU beyond %s",
            "too few hosts offer what the service tier requires"),
    MISSING_TAGS("lacks the tags %s", "lack the tags %s", "too few hosts offer what the service tier requires"),
    SHORT_OF_VCPU("lacks %s", "lack %s", "not enough free vCPU"),
    SHORT_OF_MEMORY("lacks %s", "lack %s", "not enough free memory"),
    SHORT_OF_DISK("lacks %s", "lack %s", "not enough free disk"),
    BREAKS_SPREAD("would break the spread rule", "would break the spread rule",
            "the service tier's spread across fault domains cannot be kept"),
    BREAKS_AFFINITY("would break the affinity rule", "would break the affinity rule",
            "the service tier's affinity cannot be kept");

    private final String oneHost;
    private final String manyHosts;
    private final String forRequester;

    Cause(String oneHost, String manyHosts, String forRequester) {
        this.oneHost = oneHost;
        this.manyHosts = manyHosts;
        this.forRequester = forRequester;
    }

    /** "12 hosts lack 64 GiB memory". */
    String sentence(int hosts, String detail) {
        return hosts == 1 ? "1 host " + oneHost.formatted(detail) : hosts + " hosts " + manyHosts.formatted(detail);
    }

    /** Names no host and counts none: for the requester. */
    public String forRequester() {
        return forRequester;
    }
}
