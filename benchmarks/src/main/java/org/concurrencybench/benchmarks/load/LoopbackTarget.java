package org.concurrencybench.benchmarks.load;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the generator sends its requests: a loopback address and a port. Load goes to this
 * machine only, so any other host is refused before a socket is opened; names are never looked
 * up (only {@code localhost}, taken as 127.0.0.1, and literal addresses are accepted).
 */
public record LoopbackTarget(String host, int port) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final String ALLOWED_HOSTS = "127.0.0.1, another 127.x.x.x, ::1 or localhost";

    public LoopbackTarget {
        host = loopbackLiteral(host);
        LoadChecks.range("port", port, 1, 65_535);
    }

    /** 127.0.0.1 at {@code port}. */
    public static LoopbackTarget local(int port) {
        return new LoopbackTarget(DEFAULT_HOST, port);
    }

    public InetSocketAddress address() {
        try {
            return new InetSocketAddress(InetAddress.getByAddress(bytes(host)), port);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException("a checked literal address was refused: " + host, impossible);
        }
    }

    /** The value of the requests' Host header. */
    public String hostHeader() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    private static String loopbackLiteral(String host) {
        String given = host == null ? "" : host.strip();
        if (given.equalsIgnoreCase("localhost")) {
            return DEFAULT_HOST;
        }
        if (given.equals("::1") || given.equals("[::1]")) {
            return "::1";
        }
        Matcher ipv4 = IPV4.matcher(given);
        if (ipv4.matches() && Integer.parseInt(ipv4.group(1)) == 127 && octetsInRange(ipv4)) {
            return given;
        }
        throw new IllegalArgumentException("load generator: host must be a loopback address (" + ALLOWED_HOSTS
                + "), got '" + given + "'");
    }

    private static boolean octetsInRange(Matcher ipv4) {
        for (int group = 1; group <= 4; group++) {
            if (Integer.parseInt(ipv4.group(group)) > 255) {
                return false;
            }
        }
        return true;
    }

    private static byte[] bytes(String literal) {
        if (literal.equals("::1")) {
            byte[] ipv6 = new byte[16];
            ipv6[15] = 1;
            return ipv6;
        }
        String[] octets = literal.split("\\.");
        byte[] ipv4 = new byte[4];
        for (int i = 0; i < 4; i++) {
            ipv4[i] = (byte) Integer.parseInt(octets[i]);
        }
        return ipv4;
    }
}
