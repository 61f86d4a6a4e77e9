"""A TCP proxy in front of a database that can be made to hang: it keeps accepting
connections and never answers, as a PostgreSQL does whose disk or network froze.
With no target it hangs from the start."""

import contextlib
import selectors
import socket
import threading


class HangingProxy:
    def __init__(self, target=None):
        self.target = target  # (host, port) or None
        self.hanging = target is None
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.held = []
        self.selector = selectors.DefaultSelector()
        self.lock = threading.Lock()
        threading.Thread(target=self.accept, daemon=True).start()
        threading.Thread(target=self.pump, daemon=True).start()

    def url(self, database):
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def hang(self):
        self.hanging = True

    def recover(self):
        """Answers again; the connections made while hanging stay dead, as after a restart."""
        with self.lock:
            for end in self.held + [key.fileobj for key in self.selector.get_map().values()]:
                with contextlib.suppress(KeyError, ValueError):
                    self.selector.unregister(end)
                end.close()
            self.held.clear()
        self.hanging = False

    def accept(self):
        while True:
            client, _ = self.listener.accept()
            if self.hanging:
                with self.lock:
                    self.held.append(client)  # accepted, never answered
                continue
            upstream = socket.create_connection(self.target)
            with self.lock:
                self.selector.register(client, selectors.EVENT_READ, upstream)
                self.selector.register(upstream, selectors.EVENT_READ, client)

    def pump(self):
        while True:
            if self.hanging:
                threading.Event().wait(0.05)
                continue
            with self.lock:
                ready = self.selector.select(timeout=0) if self.selector.get_map() else []
            if not ready:
                threading.Event().wait(0.005)
                continue
            for key, _ in ready:
                try:
                    data = key.fileobj.recv(65536)
                except OSError:
                    data = b""
                if data:
                    try:
                        key.data.sendall(data)
                        continue
                    except OSError:
                        pass
                with self.lock:
                    for end in (key.fileobj, key.data):
                        with contextlib.suppress(KeyError, ValueError):
                            self.selector.unregister(end)
                        end.close()
