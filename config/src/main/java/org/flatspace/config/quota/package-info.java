/**
 * Team quotas. Usage is what is allocated plus what open requests have reserved; every change is a
 * conditional update in the database, so racing requests and several portal nodes never push a
 * team over its limits.
 */
package org.flatspace.config.quota;
