package org.comptoir.customers.internal;

/** What happened at a touchpoint. PURCHASE and RETURN are also recorded from orders and returns. */
enum TouchpointType {
    AD_CLICK,
    PAGE_VIEW,
    PRODUCT_VIEW,
    SEARCH,
    ADD_TO_CART,
    NEWSLETTER_SIGNUP,
    REVIEW_READ,
    CHAT,
    CALL,
    STORE_VISIT,
    PURCHASE,
    RETURN,
    SURVEY_ANSWER
}
