package org.flatspace.provisioning.instance;

/**
 * What the instance's service tier allows when its host has to be left: moving it while it runs
 * (live migration; otherwise it is moved cold, shut down and started on the target), and starting
 * it on another host when its host fails (HA).
 */
public record Mobility(boolean liveMigration, boolean restartOnHostFailure) {

    /** Live migration allowed, no restart after a host failure. */
    public static final Mobility DEFAULT = new Mobility(true, false);
}
