/** Identifiers and persistence conventions shared by the modules. */
@NamedInterface("persistence")
package org.comptoir.platform.persistence;

import org.springframework.modulith.NamedInterface;
