/**
 * The catalog admins keep: sizes (named shapes of vCPU, memory and disk), service tiers (the rules
 * an instance lives by) and the business functions teams ask capacity for.
 */
package org.flatspace.config.catalog;
