package dev.queuelab.brokers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free ports on the loopback interface, for a broker queuelab starts: nothing binds beyond 127.0.0.1. */
final class LoopbackPorts {

    private LoopbackPorts() {}

    /**
     * A port the kernel picked as free just now. Another process may take it before the broker binds it; the
     * broker's start then fails with that port named, and a second start picks another.
     */
    static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }
}
