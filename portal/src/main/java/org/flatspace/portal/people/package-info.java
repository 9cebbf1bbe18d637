/**
 * Teams and people for administrators: list them, create a team, create a person with an initial
 * password, change a person's roles and team, disable and enable them. The rules (fields, passwords,
 * an admin keeping their own ADMIN role) are config's {@code PersonAdminService}; its messages
 * appear next to the fields.
 */
package org.flatspace.portal.people;
