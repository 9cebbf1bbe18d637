/**
 * Placement seen from the business side: a service tier's rules as provisioning takes them, and
 * the administrators' what-if ("could the pool take 20 x large for a gold function?").
 */
package org.flatspace.workflows.placement;
