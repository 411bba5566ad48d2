"""Just enough of a WebSocket client for Chromium's DevTools protocol, for the browser
checks (check-preview.sh, check-run.sh), which put this folder on PYTHONPATH."""

import base64
import json
import os
import re
import socket
import struct


class DevTools:
    """One connection to a page's DevTools endpoint. Events that arrive while it waits for
    an answer are kept in `events`."""

    def __init__(self, url, timeout=60):
        host, port, path = re.match(r"ws://([^/:]+):(\d+)(/.*)", url).groups()
        self.sock = socket.create_connection((host, int(port)), timeout=timeout)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\n"
                           f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
                           "Sec-WebSocket-Version: 13\r\n\r\n").encode())
        head = b""
        while b"\r\n\r\n" not in head:
            head += self.sock.recv(4096)
        if b" 101 " not in head.split(b"\r\n")[0]:
            raise RuntimeError(f"no WebSocket: {head[:200]!r}")
        self.buffer = head.split(b"\r\n\r\n", 1)[1]
        self.last = 0
        self.events = []

    def _read(self, n):
        while len(self.buffer) < n:
            chunk = self.sock.recv(1 << 20)
            if not chunk:
                raise EOFError("DevTools closed the connection")
            self.buffer += chunk
        data, self.buffer = self.buffer[:n], self.buffer[n:]
        return data

    def _message(self):
        """One whole message, its fragments joined."""
        payload = b""
        while True:
            first, second = self._read(2)
            n = second & 0x7F
            if n == 126:
                n = struct.unpack(">H", self._read(2))[0]
            elif n == 127:
                n = struct.unpack(">Q", self._read(8))[0]
            opcode, data = first & 0x0F, self._read(n)
            if opcode in (9, 10):  # ping, pong: nothing to say back here
                continue
            payload += data
            if first & 0x80:
                return payload

    def call(self, method, **params):
        """Sends one command and returns its answer."""
        self.last += 1
        data = json.dumps({"id": self.last, "method": method, "params": params}).encode()
        mask = os.urandom(4)
        n = len(data)
        if n < 126:
            head = bytes([0x81, 0x80 | n])
        elif n < 65536:
            head = bytes([0x81, 0x80 | 126]) + struct.pack(">H", n)
        else:
            head = bytes([0x81, 0x80 | 127]) + struct.pack(">Q", n)
        self.sock.sendall(head + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))
        while True:
            message = json.loads(self._message())
            if message.get("id") == self.last:
                return message
            if "method" in message:
                self.events.append(message)
