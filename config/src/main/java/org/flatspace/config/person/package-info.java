/** People who sign in: their team, their roles and the hash of their password. */
package org.flatspace.config.person;
