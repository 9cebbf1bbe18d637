/**
 * The REST API under {@code /api/v1} for scripts and pipelines: thin controllers over the same
 * services as the views, so the same rules decide; errors as RFC 9457 problem details; the page
 * where people manage their API tokens.
 */
package org.flatspace.portal.api;
