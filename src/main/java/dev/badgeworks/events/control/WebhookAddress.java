package dev.badgeworks.events.control;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a webhook may point. A tenant's admin must not make the server POST into its own network (its database,
 * a cloud metadata service at 169.254.169.254, other instances): unless the operator allows private addresses,
 * an endpoint's host must resolve only to public addresses — checked when the endpoint is saved and again before
 * every delivery (a name can be re-pointed after it was saved). Redirects are never followed.
 *
 * <p>"Public" follows IANA's IPv4 and IPv6 Special-Purpose Address Registries: every block they list is refused,
 * the few globally reachable anycast services among them too (no webhook lives there). IPv6 is allowed only in
 * global unicast (2000::/3). The transition forms that carry an IPv4 address and reach it wherever a translator or
 * relay is routed (IPv4-mapped, NAT64's 64:ff9b::/96, 6to4's 2002::/16) are judged by that IPv4 address; the
 * deprecated IPv4-compatible (::/96) and SIIT (::ffff:0:0:0/96) forms fall outside global unicast and are refused.
 */
public final class WebhookAddress {

    /** A block of addresses: its first address and the length of its prefix. */
    private record Block(byte[] network, int prefix) {

        static Block of(String cidr) {
            int slash = cidr.indexOf('/');
            try {
                return new Block(InetAddress.getByName(cidr.substring(0, slash)).getAddress(),
                        Integer.parseInt(cidr.substring(slash + 1)));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(cidr, e);
            }
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** IANA IPv4 Special-Purpose Address Registry (RFC 6890 and later), plus multicast and the reserved 240/4. */
    private static final List<Block> SPECIAL_V4 = List.of("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10",
            "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.31.196.0/24",
            "192.52.193.0/24", "192.88.99.0/24", "192.168.0.0/16", "192.175.48.0/24", "198.18.0.0/15",
            "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4").stream().map(Block::of).toList();

    /** The IANA IPv6 Special-Purpose blocks inside global unicast (the rest of the registry lies outside it). */
    private static final List<Block> SPECIAL_V6 = List.of("2001::/23", "2001:db8::/32", "3fff::/20")
            .stream().map(Block::of).toList();

    private static final Block GLOBAL_UNICAST = Block.of("2000::/3");
    private static final Block NAT64 = Block.of("64:ff9b::/96");
    private static final Block SIX_TO_FOUR = Block.of("2002::/16");

    private WebhookAddress() {
    }

    /** Why {@code url} cannot be an endpoint (a message for the admin), or empty when it can. */
    public static Optional<String> refusal(String url, boolean allowPrivate) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of("has no host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry a user name or password (sign with the secret instead)");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not have a fragment");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("names a host that does not resolve");
        }
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                if (isPrivate(address)) {
                    return Optional.of("points at an address that is not public (loopback, private, link-local,"
                            + " reserved or special-purpose), which the operator has not allowed");
                }
            }
        }
        return Optional.empty();
    }

    /** Whether the address is anything but a public unicast address (see the class comment). */
    public static boolean isPrivate(InetAddress address) {
        return isPrivate(address.getAddress());
    }

    private static boolean isPrivate(byte[] b) {
        if (b.length == 4) {
            return SPECIAL_V4.stream().anyMatch(block -> block.contains(b));
        }
        if (isMapped(b) || NAT64.contains(b)) {
            return isPrivate(new byte[] {b[12], b[13], b[14], b[15]});
        }
        if (SIX_TO_FOUR.contains(b)) {
            return isPrivate(new byte[] {b[2], b[3], b[4], b[5]});
        }
        return !GLOBAL_UNICAST.contains(b) || SPECIAL_V6.stream().anyMatch(block -> block.contains(b));
    }

    /** ::ffff:a.b.c.d (Java turns the text form into an Inet4Address, but the bytes may still arrive this way). */
    private static boolean isMapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    }
}
