/**
 * People who sign in: their team, their roles, whether they are enabled, and the hash of their
 * password. {@code PersonAdminService} is how administrators create and change them (checked field
 * by field, audited); {@code PersonService} looks them up.
 */
package org.flatspace.config.person;
