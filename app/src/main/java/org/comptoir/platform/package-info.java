/**
 * Cross-cutting support every module builds on: problem answers, idempotent POSTs, cursor pages and
 * ETags ({@code web}), callers and their roles ({@code security}), domain events ({@code events}) and
 * identifiers ({@code persistence}). It owns no business rule and depends on no other module.
 */
@ApplicationModule(displayName = "Platform")
package org.comptoir.platform;

import org.springframework.modulith.ApplicationModule;
