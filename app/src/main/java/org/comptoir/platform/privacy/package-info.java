/**
 * Personal data held outside the customers module: every module that keeps something about a person
 * (orders and their addresses, returns, holds, coupon uses, delivered events) answers for it, so that
 * a right-of-access export gathers all of it and an erasure anonymises all of it.
 */
@NamedInterface("privacy")
package org.comptoir.platform.privacy;

import org.springframework.modulith.NamedInterface;
