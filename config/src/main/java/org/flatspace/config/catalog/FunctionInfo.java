package org.flatspace.config.catalog;

/** A business function: what capacity serves, owned by one team, with its service tier. */
public record FunctionInfo(long id, long teamId, String name, TierInfo tier) {
}
