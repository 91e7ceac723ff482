"""A loopback proxy in front of the live server that a test can switch off, like a lost network.

For browsers whose driver cannot take the network away (WebKitGTK's WebDriver has no network
emulation): switched off, the proxy drops every open connection and refuses new ones, so each
request fails as it would on a phone without a connection. navigator.onLine stays true, as on a
phone in a dead zone.
"""

import socket
import threading


class NetworkSwitch:
    """Forward http://localhost:PORT to the server on target_port while on."""

    def __init__(self, target_port: int):
        self.target_port = target_port
        self.connections: set[socket.socket] = set()
        self.lock = threading.Lock()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.url = f"http://localhost:{self.port}"
        self._serve()

    def _serve(self) -> None:
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:  # switched off
                return
            server = socket.create_connection(("127.0.0.1", self.target_port))
            with self.lock:
                self.connections |= {client, server}
            for source, sink in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        for end in (source, sink):
            self._drop(end)

    def _drop(self, end: socket.socket) -> None:
        with self.lock:
            self.connections.discard(end)
        try:
            end.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        end.close()

    def off(self) -> None:
        """Refuse new connections and cut the open ones."""
        self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()
        with self.lock:
            open_ones = list(self.connections)
        for end in open_ones:
            self._drop(end)

    def on(self) -> None:
        """Accept connections on the same port again."""
        self.listener = socket.create_server(("127.0.0.1", self.port))
        self._serve()

    def close(self) -> None:
        """Stop for good."""
        if self.listener.fileno() != -1:
            self.off()
