package org.comptoir.network;

/** The kind of touchpoint a sales channel is. */
public enum ChannelType {
    WEB,
    APP,
    STORE,
    PHONE,
    MARKETPLACE,
    SOCIAL,
    B2B,
    SALES_REP
}
