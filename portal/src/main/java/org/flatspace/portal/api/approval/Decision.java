package org.flatspace.portal.api.approval;

/** Body of a decision: a comment (required to reject) or, to reassign, the manager who takes it over. */
record Decision(String comment, String assignee) {
}
