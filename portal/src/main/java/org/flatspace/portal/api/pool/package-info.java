/** The pool through the API, for administrators only: the hosts with their capacity and state. */
package org.flatspace.portal.api.pool;
