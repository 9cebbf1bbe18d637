/**
 * Notifications: an in-app list per person, and e-mail sent after the transaction that caused it
 * commits, so that a rolled-back step never mails anyone.
 */
package org.flatspace.workflows.notify;
