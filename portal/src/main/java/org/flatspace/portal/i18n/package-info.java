/**
 * The portal's wording: every text its views show comes from {@code vaadin-i18n/translations.properties}
 * (English, the default) through Vaadin's {@code DefaultI18NProvider}; dates and numbers in the UI's locale.
 */
package org.flatspace.portal.i18n;
