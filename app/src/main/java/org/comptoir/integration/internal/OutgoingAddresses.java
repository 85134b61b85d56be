package org.comptoir.integration.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where the platform may send requests of its own (webhooks): not inside the network it runs in.
 * Loopback, link-local (the cloud's metadata address), private, carrier-grade NAT, unique-local,
 * multicast and unspecified addresses are refused, whatever name resolves to them, at registration
 * and again before every delivery (a name may be pointed elsewhere meanwhile); redirects are never
 * followed. Hosts an admin lists in {@code comptoir.integration.webhooks.allowed-hosts} are let through
 * as they are named.
 */
final class OutgoingAddresses {

    private final Set<String> allowedHosts;

    OutgoingAddresses(Set<String> allowedHosts) {
        this.allowedHosts = allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    /** Why the URL's host may not be called, or null when it may (or when it does not resolve yet). */
    String refusal(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            return "has no host";
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (allowedHosts.contains(bare.toLowerCase(Locale.ROOT))) {
            return null;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bare);
        } catch (UnknownHostException e) {
            return null;
        }
        for (InetAddress address : addresses) {
            if (internal(address)) {
                return "points inside the platform's network (" + kind(address) + ")";
            }
        }
        return null;
    }

    static boolean internal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isMulticastAddress()
                || a.isAnyLocalAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || first == 100 && second >= 64 && second < 128 || first == 198 && (second == 18
                    || second == 19) || first >= 240;
        }
        if (a instanceof Inet6Address six) {
            if ((b[0] & 0xfe) == 0xfc) {
                return true;
            }
            // An IPv4 address written as IPv6 (::ffff:10.0.0.1) is judged as itself.
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return internal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
            return six.isIPv4CompatibleAddress();
        }
        return false;
    }

    private static String kind(InetAddress a) {
        return a.isLoopbackAddress() ? "loopback" : a.isLinkLocalAddress() ? "link-local"
                : a.isMulticastAddress() ? "multicast" : a.isAnyLocalAddress() ? "unspecified" : "private";
    }
}
