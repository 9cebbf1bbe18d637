package org.flatspace.config.catalog;

/** A named shape from the catalog. */
public record SizeInfo(long id, String name, int vcpu, long memoryMib, long diskGib) {

    /** "2 vCPU, 4 GiB memory, 40 GiB disk": how people read a size. */
    public String describe() {
        String memory = memoryMib % 1024 == 0 ? (memoryMib / 1024) + " GiB" : memoryMib + " MiB";
        return vcpu + " vCPU, " + memory + " memory, " + diskGib + " GiB disk";
    }
}
