package org.flatspace.provisioning.migration;

/** How an instance gets to another host. */
public enum MoveMethod {
    /** Moved while it runs (libvirt live migration): the guest pauses for milliseconds. */
    LIVE,
    /** Shut down, defined and started on the target with the same UUID, undefined on the source. */
    COLD,
    /** Started on the target after its host failed and was fenced: the guest restarts. */
    RESTART
}
