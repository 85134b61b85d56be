/** Web conventions shared by every module's REST API (see docs/api.md). */
@NamedInterface("web")
package org.comptoir.platform.web;

import org.springframework.modulith.NamedInterface;
