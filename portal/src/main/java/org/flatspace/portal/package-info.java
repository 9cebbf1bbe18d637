/**
 * The runnable Flatspace application: Vaadin views, security and application profiles. Calls the
 * workflows, config and provisioning modules through their public services only.
 */
package org.flatspace.portal;
