/** The admins' catalog page: the sizes teams choose from and the service tiers functions live by. */
package org.flatspace.portal.catalog;
