#!/usr/bin/env python3
"""The hostile probe: slow, big and silent request bodies, against any running Badgeworks (issue 26).

    deploy/hostile.py BASE_URL ADMIN_PASSWORD

(a) slow clients: 220 authenticated POSTs to /badgeMeta declare 100,000 bytes of JSON and send one byte a second;
    meanwhile 3 normal GETs (10 s timeout each) must answer 200, and every slow client must be answered (408 from
    the WAR) within 40 s, never left hanging;
(b) a 40 MB JSON body, streamed chunked and then with a declared Content-Length, must be answered 413 with the
    envelope's code 413 (streamed, the server must also read the rest rather than break the connection under a
    client still sending), and the server must keep answering;
(c) a client that stops sending mid-body must lose its request (408, or the connection closed) within 20 s (the
    servers are set to 10 s of silence; their defaults wait 30 s to 90 s).
Also prints, for the record (INFO, never a failure): a client silent in the middle of its headers, the Server and
X-Powered-By headers, and the answers to malformed percent escapes.

One line per check, PASS or FAIL with its figures; exit 1 on any FAIL. Python 3 standard library only; about a
minute. Environment: HOSTILE_SLOW_CLIENTS (220), HOSTILE_BIG_MB (40).
"""
import base64
import json
import os
import select
import socket
import sys
import threading
import time
import urllib.error
import urllib.request
from urllib.parse import urlsplit

ROOT = sys.argv[1].rstrip("/")
HOST, PORT = urlsplit(ROOT).hostname, urlsplit(ROOT).port or 80
PATH = "/api_gateway/v1/badges/badgeMeta"
AUTH = "Basic " + base64.b64encode(("admin:" + sys.argv[2]).encode()).decode()
SLOW_CLIENTS = int(os.environ.get("HOSTILE_SLOW_CLIENTS", "220"))
SLOW_DEADLINE = 40.0
PROBE_AT = (8.0, 14.0, 20.0)  # seconds after the slow clients are in, while they still trickle
BIG_BYTES = int(os.environ.get("HOSTILE_BIG_MB", "40")) * 1024 * 1024
SILENT_DEADLINE = 20.0  # the servers give up after 10 s of silence; their defaults wait 30 s to 90 s
failures = []


def report(name, ok, figures):
    print(f"{'PASS' if ok else 'FAIL'} {name}: {figures}", flush=True)
    if not ok:
        failures.append(name)


def head(length=None, chunked=False, path=PATH):
    lines = [f"POST {path} HTTP/1.1", f"Host: {HOST}:{PORT}", f"Authorization: {AUTH}",
             "Content-Type: application/json", "Accept: application/json"]
    lines.append("Transfer-Encoding: chunked" if chunked else f"Content-Length: {length}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def get(path=PATH, timeout=10.0):
    """A normal authenticated GET: (status or the error's name, seconds, headers)."""
    started = time.monotonic()
    request = urllib.request.Request(ROOT + path, headers={"Authorization": AUTH})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
            return response.status, time.monotonic() - started, response.headers
    except urllib.error.HTTPError as error:
        return error.code, time.monotonic() - started, error.headers
    except (OSError, ValueError) as error:
        return type(error).__name__, time.monotonic() - started, {}


class Answer:
    """What came back on one raw connection: the status line, headers and body, or how it ended without one."""

    def __init__(self):
        self.raw = b""
        self.ended = None  # None while open; "answered", "closed" (FIN, no answer) or "reset"
        self.at = None  # seconds until the answer's headers (or the end)
        self.closed = None  # how the server ended the connection: "closed" (FIN) or "reset"

    def feed(self, data):
        self.raw += data

    @property
    def status(self):
        if b"\r\n\r\n" not in self.raw:
            return None
        try:
            return int(self.raw.split(b"\r\n", 1)[0].split()[1])
        except (IndexError, ValueError):
            return None

    def complete(self):
        """Headers and the whole body (by Content-Length or the last chunk) have arrived."""
        if self.status is None:
            return False
        headers, body = self.raw.split(b"\r\n\r\n", 1)
        lower = headers.lower()
        if b"transfer-encoding: chunked" in lower:
            return body.endswith(b"0\r\n\r\n")
        for line in lower.split(b"\r\n"):
            if line.startswith(b"content-length:"):
                return len(body) >= int(line.split(b":")[1])
        return False

    def code(self):
        """The envelope's errors[0].code, if the body is the API's JSON envelope."""
        if self.status is None:
            return None
        headers, body = self.raw.split(b"\r\n\r\n", 1)
        if b"transfer-encoding: chunked" in headers.lower():
            plain, rest = b"", body
            while rest:
                size, _, rest = rest.partition(b"\r\n")
                n = int(size.split(b";")[0] or b"0", 16)
                if n == 0:
                    break
                plain, rest = plain + rest[:n], rest[n + 2:]
            body = plain
        try:
            return json.loads(body.decode())["errors"][0]["code"]
        except (ValueError, KeyError, IndexError, TypeError, UnicodeDecodeError):
            return None

    def describe(self):
        if self.status is not None:
            return str(self.status) + ("" if self.code() is None else f" (code {self.code()})")
        return self.ended or "no answer"


def receive(sock, answer, started):
    """Reads what is there; records the end of the connection. False once it ended."""
    try:
        data = sock.recv(65536)
    except BlockingIOError:
        return True
    except socket.timeout:
        answer.ended = answer.ended or ("answered" if answer.status else "no answer")
        return False
    except OSError:
        answer.closed = "reset"
        answer.ended = answer.ended or ("answered" if answer.status else "reset")
        answer.at = answer.at or time.monotonic() - started
        return False
    if not data:
        answer.closed = "closed"
        answer.ended = answer.ended or ("answered" if answer.status else "closed")
        answer.at = answer.at or time.monotonic() - started
        return False
    answer.feed(data)
    if answer.status is not None and answer.at is None:
        answer.at = time.monotonic() - started
    return True


def surface():
    """For the record: what the server says about itself, and how it takes malformed percent escapes."""
    status, _, headers = get()
    if status != 200:
        report("precondition", False, f"GET {PATH} as admin answered {status}: is the password right?")
        sys.exit(1)
    escapes = []
    for path in ("/api_gateway/v1/badges/badgeMeta/%zz", "/api_gateway/v1/badges/%2"):
        answer = raw_exchange(f"GET {path} HTTP/1.1\r\nHost: {HOST}:{PORT}\r\nAuthorization: {AUTH}\r\n"
                              "Connection: close\r\n\r\n", 10)
        escapes.append(f"{path.rsplit('/', 1)[1]} -> {answer.describe()}")
    print(f"INFO surface: Server header {headers.get('Server') or 'absent'}; X-Powered-By "
          f"{headers.get('X-Powered-By') or 'absent'}; malformed escapes: {'; '.join(escapes)}", flush=True)


def raw_exchange(text, timeout):
    answer, started = Answer(), time.monotonic()
    with socket.create_connection((HOST, PORT), timeout=timeout) as sock:
        sock.sendall(text.encode())
        try:
            while receive(sock, answer, started) and not answer.complete():
                pass
        except socket.timeout:
            answer.ended = answer.ended or "no answer"
    return answer


def slow_clients():
    clients = []
    refused = 0
    for _ in range(SLOW_CLIENTS):
        try:
            sock = socket.create_connection((HOST, PORT), timeout=10)
            sock.sendall(head(length=100_000))
        except OSError:
            refused += 1
            continue
        sock.setblocking(False)
        clients.append((sock, Answer()))
    started = time.monotonic()
    probes = []

    def probe(at):
        time.sleep(max(0.0, at - (time.monotonic() - started)))
        status, took, _ = get(timeout=10.0)
        probes.append((at, status, took))

    threads = [threading.Thread(target=probe, args=(at,), daemon=True) for at in PROBE_AT]
    for thread in threads:
        thread.start()
    next_byte = started + 1.0
    sent = 0
    while time.monotonic() - started < SLOW_DEADLINE:
        open_ = [(s, a) for s, a in clients if a.ended is None]
        if not open_ and not any(t.is_alive() for t in threads):
            break
        if open_:
            wait = max(0.0, min(0.2, next_byte - time.monotonic()))
            readable, _, _ = select.select([s for s, _ in open_], [], [], wait)
            for sock, answer in open_:
                if sock in readable and (not receive(sock, answer, started) or answer.complete()):
                    answer.ended = answer.ended or "answered"
                    sock.close()
        else:
            time.sleep(0.2)
        if time.monotonic() >= next_byte:
            next_byte += 1.0
            for sock, answer in clients:
                if answer.ended is None and answer.status is None:
                    try:
                        sock.send(b" ")
                        sent += 1
                    except BlockingIOError:
                        pass
                    except OSError:
                        receive(sock, answer, started)
                        answer.ended = answer.ended or ("answered" if answer.status else "reset")
                        answer.at = answer.at or time.monotonic() - started
                        sock.close()
    for thread in threads:
        thread.join(timeout=15)
    for sock, answer in clients:
        if answer.ended is None and answer.status is not None:
            answer.ended = "answered"
        sock.close()
    kinds = {}
    for _, answer in clients:
        kinds[answer.describe()] = kinds.get(answer.describe(), 0) + 1
    hanging = sum(1 for _, a in clients if a.ended is None)
    times = sorted(a.at for _, a in clients if a.at is not None)
    probes.sort()
    probes_ok = len(probes) == len(PROBE_AT) and all(status == 200 for _, status, _ in probes)
    answered_408 = kinds.get("408 (code 408)", 0)
    figures = (f"{SLOW_CLIENTS} clients at 1 byte/s ({sent} bytes sent): "
               + (f"{refused} could not connect, " if refused else "")
               + f"{', '.join(f'{n}x {k}' for k, n in sorted(kinds.items()))}; "
               f"{hanging} unanswered after {SLOW_DEADLINE:.0f} s; answers after "
               + (f"{times[0]:.1f}-{times[-1]:.1f} s" if times else "none")
               + "; GETs at " + ", ".join(f"{at:.0f} s: {status} in {took:.1f} s" for at, status, took in probes))
    report("(a) slow clients", probes_ok and hanging == 0 and answered_408 == SLOW_CLIENTS, figures)


def big_body(chunked):
    """Streams BIG_BYTES of JSON in 64 KiB pieces while reading, and goes on sending after the answer as a client
    that writes its whole body before reading would: whether the server lets it finish or breaks the connection."""
    prefix = b'{"name":"Huge","description":"'
    total = BIG_BYTES
    sock = socket.create_connection((HOST, PORT), timeout=10)
    sock.sendall(head(chunked=chunked) if chunked else head(length=total))
    sock.setblocking(False)
    answer, started, sent, answered_at_mb = Answer(), time.monotonic(), 0, None
    body = memoryview(prefix + b"a" * (total - len(prefix) - 2) + b'"}')
    pending = b""
    broke = None
    while time.monotonic() - started < 30 and answer.ended is None and not (answer.complete() and sent >= total
                                                                                and not pending):
        want_write = sent < total or pending
        readable, writable, _ = select.select([sock], [sock] if want_write else [], [], 0.5)
        if readable and not receive(sock, answer, started):
            break
        if answer.status is not None and answered_at_mb is None:
            answered_at_mb = sent / (1024 * 1024)
        if writable and not pending and sent < total:
            data = body[sent:sent + 65536]
            sent += len(data)
            pending = (b"%x\r\n" % len(data) + data + b"\r\n" + (b"0\r\n\r\n" if sent >= total else b"")) \
                if chunked else data
        if writable and pending:
            try:
                pending = pending[sock.send(pending):]
            except BlockingIOError:
                pass
            except OSError as error:
                broke = f"{type(error).__name__} after {sent / (1024 * 1024):.1f} MB sent"
                receive(sock, answer, started)
                break
    sock.close()
    drained = sent >= total and not pending and broke is None
    if answer.status is None:
        how = broke or f"{sent / (1024 * 1024):.1f} MB sent, connection {answer.ended or 'still open'}"
    else:
        how = f"answered after {answered_at_mb or 0:.1f} MB sent, then " + (
            broke or ("the rest read by the server" if sent >= total and not pending
                      else f"connection {answer.closed or 'stalled'} after {sent / (1024 * 1024):.1f} MB sent"))
    return answer, how, time.monotonic() - started, drained


def big_bodies():
    """413 with the envelope both ways. Streamed (chunked), the WAR refuses it after reading its limit: the server
    must then read the rest, or a client that sends its whole body before reading sees a broken pipe, not the 413.
    With a declared length the WAR refuses it before reading a byte and asks for the connection to be closed: the
    413 must reach a client that reads while it sends; whether the server reads the rest is shown, not required."""
    results = []
    ok = True
    for chunked in (True, False):
        answer, how, took, drained = big_body(chunked)
        ok = ok and answer.status == 413 and answer.code() == 413 and (drained or not chunked)
        results.append(f"{'chunked' if chunked else 'Content-Length'}: {answer.describe()}, {how}, {took:.1f} s")
    status, took, _ = get()
    results.append(f"then GET: {status} in {took:.1f} s")
    report(f"(b) {BIG_BYTES // (1024 * 1024)} MB JSON body", ok and status == 200, "; ".join(results))


def silent(request_bytes, result, wait):
    """Sends a start and falls silent: how long until the server gives up on it, and how."""
    sock = socket.create_connection((HOST, PORT), timeout=10)
    sock.sendall(request_bytes)
    sock.setblocking(False)
    answer, started = Answer(), time.monotonic()
    while time.monotonic() - started < wait and answer.ended is None and not answer.complete():
        readable, _, _ = select.select([sock], [], [], 0.5)
        if readable and not receive(sock, answer, started):
            break
    sock.close()
    result.append(answer)


def main():
    surface()
    # a client silent in its headers waits on the server's own timers, not on its worker threads: measured alongside
    mid_body, mid_header = [], []
    header_thread = threading.Thread(target=silent, args=(f"POST {PATH} HTTP/1.1\r\nHost: {HOST}:{PORT}\r\n"
                                                           f"Authorization: {AUTH}\r\n".encode(), mid_header, 35),
                                     daemon=True)
    header_thread.start()
    slow_clients()
    body_thread = threading.Thread(target=silent, args=(head(length=1000) + b"{", mid_body, 35),
                                   daemon=True)
    body_thread.start()
    big_bodies()
    body_thread.join()
    header_thread.join()
    answer = mid_body[0]
    lost = answer.at is not None and answer.at <= SILENT_DEADLINE and (answer.status == 408 or answer.ended in (
        "closed", "reset"))
    report("(c) silent mid-body", lost,
           f"sent 1 of 1000 bytes, then nothing: {answer.describe()} after "
           + (f"{answer.at:.1f} s" if answer.at is not None else "more than 35 s")
           + f" (at most {SILENT_DEADLINE:.0f} s)")
    answer = mid_header[0]
    print(f"INFO silent mid-headers: {answer.describe()} after "
          + (f"{answer.at:.1f} s" if answer.at is not None else "more than 35 s"), flush=True)
    if failures:
        sys.exit(1)


if __name__ == "__main__":
    main()
