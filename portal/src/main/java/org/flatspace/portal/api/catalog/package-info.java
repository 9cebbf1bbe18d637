/** What a team may ask for through the API: its functions, the sizes and tiers, its quota. */
package org.flatspace.portal.api.catalog;
