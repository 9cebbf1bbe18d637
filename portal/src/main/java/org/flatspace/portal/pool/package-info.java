/** The administrators' view of the pool: hosts, their capacity and what runs on each. */
package org.flatspace.portal.pool;
