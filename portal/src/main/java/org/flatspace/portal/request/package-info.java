/** The requester's views: ask for capacity, follow a team's requests and their instances. */
package org.flatspace.portal.request;
