/** Sign-in and who may open what: form login against the people in config, roles as authorities. */
package org.flatspace.portal.security;
