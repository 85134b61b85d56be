/** Who is calling, with which roles and scope, and how modules plug their credentials in. */
@NamedInterface("security")
package org.comptoir.platform.security;

import org.springframework.modulith.NamedInterface;
