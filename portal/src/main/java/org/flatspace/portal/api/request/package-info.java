/** Capacity requests through the API: create, list, read, withdraw, extend, release, ask for quota. */
package org.flatspace.portal.api.request;
