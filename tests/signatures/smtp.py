"""A mail server on 127.0.0.1 for the tests: it records what it is sent, and may stall first.

``stall=N``: the first N connections are accepted and never answered (a mail server that hangs);
the others get a minimal SMTP dialogue and each message is kept in ``messages``. Not a real mail
server: enough for Django's SMTP backend (smtplib)."""

import socketserver
import threading


class _Handler(socketserver.StreamRequestHandler):
    def handle(self):
        server = self.server
        with server.lock:
            server.connections += 1
            stalled = server.connections <= server.stall
        if stalled:
            server.stalled.set()
            server.stopping.wait()
            return
        self.reply("220 localhost test SMTP")
        envelope = {"from": None, "to": []}
        while line := self.rfile.readline():
            command = line.decode("ascii", "replace").strip()
            verb = command[:4].upper()
            if verb == "EHLO":
                self.reply("250-localhost", "250 8BITMIME")
            elif verb == "MAIL":
                envelope = {"from": command[10:].strip("<> "), "to": []}
                self.reply("250 OK")
            elif verb == "RCPT":
                envelope["to"].append(command[8:].strip("<> "))
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 End data with <CR><LF>.<CR><LF>")
                data = []
                while (line := self.rfile.readline()) not in (b".\r\n", b""):
                    data.append(line)
                with server.lock:
                    server.messages.append({**envelope, "data": b"".join(data)})
                self.reply("250 OK: queued")
            elif verb == "QUIT":
                self.reply("221 Bye")
                return
            else:  # HELO, RSET, NOOP
                self.reply("250 OK")

    def reply(self, *lines):
        self.wfile.write("".join(f"{line}\r\n" for line in lines).encode())
        self.wfile.flush()


class SMTPServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, stall=0):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.stall = stall
        self.connections = 0
        self.messages = []
        self.lock = threading.Lock()
        self.stalled = threading.Event()
        self.stopping = threading.Event()

    @property
    def port(self):
        return self.server_address[1]

    def __enter__(self):
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc_info):
        self.stopping.set()
        self.shutdown()
        self.server_close()
