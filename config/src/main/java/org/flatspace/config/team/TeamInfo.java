package org.flatspace.config.team;

/** A team as other modules see it. */
public record TeamInfo(long id, String name) {
}
