/** The team's dashboard: its quota at a glance (a chart drawn on the server) and its business functions. */
package org.flatspace.portal.dashboard;
