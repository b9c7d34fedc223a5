#!/usr/bin/env python3
"""Clients no browser or curl would be, for ServeFaultTests: python3 hostile_tls_client.py KIND PORT CA.pem.

garbage: a verified TLS connection, then bytes that are no HTTP request; prints the answer's first line.
slow:    a verified TLS connection, then a request one byte a second, watching for the service to
         answer or close; prints how many bytes went, in how many seconds, and what came back.
One JSON line on stdout.
"""
import json, select, socket, ssl, sys, time

kind, port, ca = sys.argv[1], int(sys.argv[2]), sys.argv[3]


def connect():
    context = ssl.create_default_context(cafile=ca)
    raw = socket.create_connection(("127.0.0.1", port), timeout=30)
    return context.wrap_socket(raw, server_hostname="127.0.0.1")


def first_line(s, seconds):
    """The first line the service sends before it closes, "closed" when it closes silently."""
    s.settimeout(seconds)
    data = b""
    try:
        while True:
            chunk = s.recv(4096)
            if not chunk:
                break
            data += chunk
    except (socket.timeout, ssl.SSLError, ConnectionError) as error:
        if not data:
            return "error " + type(error).__name__
    return data.decode("latin-1").split("\r\n")[0] if data else "closed"


if kind == "garbage":
    s = connect()
    s.sendall(b"\x00\xff\xfe GARBAGE \x01\x02 HTTP/9.9\r\n\r\n")
    print(json.dumps({"answer": first_line(s, 15)}))
elif kind == "slow":
    request = b"POST /v1/commands/archive/list HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Trickle: " + b"a" * 200 + b"\r\n\r\n"
    s = connect()
    start, sent, answer = time.time(), 0, None
    for byte in request:
        readable, _, _ = select.select([s], [], [], 1.0)  # the one-second pause, ended early by an answer or a close
        if readable:
            answer = first_line(s, 1)
            break
        try:
            s.sendall(bytes([byte]))
            sent += 1
        except (ssl.SSLError, ConnectionError) as error:
            answer = "send " + type(error).__name__
            break
        if time.time() - start > 60:
            break
    print(json.dumps({"sent": sent, "of": len(request), "seconds": round(time.time() - start, 1), "answer": answer}))
else:
    sys.exit("unknown kind " + kind)
