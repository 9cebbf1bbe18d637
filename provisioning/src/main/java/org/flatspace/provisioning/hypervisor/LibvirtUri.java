package org.flatspace.provisioning.hypervisor;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks that a text is a libvirt host address Flatspace can use, and says how to fix it when it
 * is not. libvirt itself would only fail later, at the first connection, with a message that
 * names no example; an administrator registering a host deserves the example at once.
 */
public final class LibvirtUri {

    /** How one libvirt driver is addressed. */
    private record Driver(String example, Set<String> paths, boolean remoteOnly, boolean transports) {
    }

    private static final Set<String> SYSTEM = Set.of("/system");
    private static final Set<String> SESSION = Set.of("/session");
    private static final Set<String> ANY_PATH = Set.of();

    /** The drivers a pool may hold, with the paths libvirt accepts for each. */
    private static final Map<String, Driver> DRIVERS = Map.ofEntries(
            Map.entry("qemu", new Driver("qemu+ssh://root@kvm1.example.com/system", Set.of("/system", "/session"),
                    false, true)),
            Map.entry("xen", new Driver("xen+ssh://root@xen1.example.com/system", Set.of("", "/", "/system"),
                    false, true)),
            Map.entry("lxc", new Driver("lxc+ssh://root@lxc1.example.com/system", Set.of("", "/", "/system"),
                    false, true)),
            Map.entry("vbox", new Driver("vbox+ssh://vbox@desk1.example.com/session", SESSION, false, true)),
            Map.entry("vz", new Driver("vz+ssh://root@vz1.example.com/system", SYSTEM, false, true)),
            Map.entry("vmwarews", new Driver("vmwarews:///session", SESSION, false, true)),
            Map.entry("esx", new Driver("esx://root@esx1.example.com/?no_verify=1", Set.of("", "/"), true, false)),
            Map.entry("vpx", new Driver("vpx://admin@vcenter.example.com/dc1/cluster1/esx1.example.com",
                    ANY_PATH, true, false)),
            Map.entry("hyperv", new Driver("hyperv://administrator@hv1.example.com/?transport=http",
                    Set.of("", "/"), true, false)),
            Map.entry("test", new Driver("test:///default", ANY_PATH, false, false)));

    private static final Set<String> TRANSPORTS = Set.of("ssh", "libssh", "libssh2", "tls", "tcp", "unix", "ext");

    private LibvirtUri() {
    }

    /**
     * The libvirt driver the address uses ("qemu", "esx", ...).
     *
     * @throws IllegalArgumentException saying what is wrong and giving an example that works
     */
    public static String driverOf(String address) {
        if (address == null || address.isBlank()) {
            throw bad("it is empty; a host address looks like " + DRIVERS.get("qemu").example());
        }
        URI uri = parse(address);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        int plus = scheme.indexOf('+');
        String name = plus < 0 ? scheme : scheme.substring(0, plus);
        String transport = plus < 0 ? null : scheme.substring(plus + 1);
        Driver driver = DRIVERS.get(name);
        if (driver == null) {
            throw bad("'" + name + "' is not a libvirt driver Flatspace supports; use one of "
                    + String.join(", ", DRIVERS.keySet().stream().sorted().toList())
                    + ", e.g. " + DRIVERS.get("qemu").example());
        }
        checkNoPassword(uri);
        checkTransport(name, driver, transport);
        checkHost(name, driver, uri, transport);
        checkPath(name, driver, uri);
        return name;
    }

    /** Whether {@link #driverOf} accepts the address. */
    public static boolean isValid(String address) {
        try {
            driverOf(address);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static URI parse(String address) {
        try {
            URI uri = new URI(address.strip());
            if (uri.getScheme() == null || uri.isOpaque()) {
                throw bad("it has no driver and '://'; a host address looks like "
                        + DRIVERS.get("qemu").example());
            }
            return uri;
        } catch (URISyntaxException e) {
            throw bad("it is not a URI (" + e.getReason() + " at position " + e.getIndex()
                    + "); a host address looks like " + DRIVERS.get("qemu").example());
        }
    }

    private static void checkTransport(String name, Driver driver, String transport) {
        if (transport == null) {
            return;
        }
        if (!driver.transports()) {
            throw bad(name + " talks to its host directly and takes no '+" + transport
                    + "'; e.g. " + driver.example());
        }
        if (!TRANSPORTS.contains(transport)) {
            throw bad("'" + transport + "' is not a libvirt transport; use one of "
                    + String.join(", ", TRANSPORTS.stream().sorted().toList()) + ", e.g. " + driver.example());
        }
    }

    private static void checkHost(String name, Driver driver, URI uri, String transport) {
        boolean hasHost = uri.getHost() != null || uri.getRawAuthority() != null;
        if (driver.remoteOnly() && !hasHost) {
            throw bad(name + " needs the host name, e.g. " + driver.example());
        }
        boolean remoteTransport = transport != null && !"unix".equals(transport);
        if (remoteTransport && !hasHost) {
            throw bad("'+" + transport + "' needs a host name after '//', e.g. " + driver.example());
        }
        if ("test".equals(name) && hasHost) {
            throw bad("the test driver runs in this process and takes no host; e.g. test:///default "
                    + "or test:///path/to/host.xml");
        }
    }

    private static void checkPath(String name, Driver driver, URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        if ("test".equals(name) && (path.isEmpty() || "/".equals(path))) {
            throw bad("the test driver needs /default or the path of a host XML file, "
                    + "e.g. test:///default");
        }
        if ("vpx".equals(name) && path.chars().filter(c -> c == '/').count() < 2) {
            throw bad("vpx needs the path datacenter/[cluster/]host of the ESX host under vCenter, e.g. "
                    + driver.example());
        }
        if (!driver.paths().isEmpty() && !driver.paths().contains(path)) {
            throw bad(name + " takes the path " + String.join(" or ", driver.paths().stream()
                    .filter(p -> !p.isEmpty()).sorted().toList()) + ", not '" + path + "'; e.g. " + driver.example());
        }
    }

    /** A password in the address would be stored and shown in plain text. */
    private static void checkNoPassword(URI uri) {
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && userInfo.contains(":")) {
            throw new IllegalArgumentException("A libvirt host address must not hold a password: give only the user"
                    + " (user@host) and store the password as the host's credential");
        }
    }

    /** The address itself is left out of the message: it may hold a password. */
    private static IllegalArgumentException bad(String why) {
        return new IllegalArgumentException("Not a libvirt host address: " + why);
    }
}
