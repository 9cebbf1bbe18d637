/**
 * The approval policy: a DMN decision ({@code approval-policy.dmn}) that says whether a request is
 * approved automatically, by its team's manager, or by the manager and then an admin. Admins may
 * replace it; a replacement that does not work is refused and the active policy stays.
 */
package org.flatspace.workflows.policy;
