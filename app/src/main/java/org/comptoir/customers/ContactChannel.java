package org.comptoir.customers;

/** How a person can be contacted; consent is given or withdrawn per channel and purpose. */
public enum ContactChannel {
    EMAIL,
    SMS,
    PUSH,
    WEB_NOTIFICATION,
    VOICE_MESSAGE,
    POSTAL_MAIL,
    PHONE_CALL
}
