/** Teams: the tenants of Flatspace. Every function, request and instance belongs to one. */
package org.flatspace.config.team;
