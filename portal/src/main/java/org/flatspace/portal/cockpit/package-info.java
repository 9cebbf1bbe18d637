/**
 * Camunda's own web apps (Cockpit, Tasklist, Admin at {@code /camunda/app/}) and the engine's REST
 * API ({@code /engine-rest}) for administrators, signed in through the portal: Camunda takes the
 * person Spring Security already authenticated and never shows a login of its own. Who may reach
 * them at all is decided in {@code portal.security}.
 */
package org.flatspace.portal.cockpit;
