/**
 * Who may ask for what: teams and their people, the catalog of sizes and service tiers, business
 * functions and team quotas; and the audit trail every module records into ({@code audit}). Knows
 * nothing of workflows, hypervisors or the user interface.
 */
package org.flatspace.config;
