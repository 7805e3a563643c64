"""Shared by the compatibility client scripts: the record set every client produces, the JSON
shape every client reports, and bounded waiting. Bytes travel as hex strings (null stays null)
so the Swift side can compare records exactly and print readable differences."""
import json
import os
import sys
import time

BASE_TIMESTAMP_MS = 1_700_000_000_000


def hexify(b):
    return None if b is None else bytes(b).hex()


def record(topic, partition, offset, key, value, headers, timestamp):
    """One record as the tests compare it. headers: list of (str, bytes or None), in order."""
    return {
        "topic": topic,
        "partition": partition,
        "offset": offset,
        "key": hexify(key),
        "value": hexify(value),
        "headers": [[k, hexify(v)] for k, v in (headers or [])],
        "timestamp": timestamp,
    }


def sample_records(partitions):
    """The records a round-trip test produces: keys, no key, a null value (tombstone), empty
    key and value, every byte value, a large value, headers (one with a null value, repeated
    keys, a non-ASCII key) and explicit timestamps. Each has an explicit partition so every
    partition gets records. Returns dicts with key, value, headers, partition, timestamp."""
    samples = [
        (b"k0", b"v0", [("h1", b"a"), ("h-null", None)]),
        (None, b"no key", []),
        (b"tombstone", None, []),
        (b"", b"", []),
        (b"all-bytes", bytes(range(256)), [("bin", bytes(range(256)))]),
        (b"big", b"0123456789abcdef" * 6400, []),  # 100 KiB
        (b"dup-headers", b"v", [("dup", b"1"), ("dup", b"2"), ("h\u00e9", b"\xc3\xa9")]),
        (b"k7", "unicode \u2603 value".encode(), [("empty", b"")]),
        (b"k8", b"v8", []),
    ]
    out = []
    for i, (key, value, headers) in enumerate(samples):
        out.append({
            "key": key,
            "value": value,
            "headers": headers,
            "partition": i % partitions,
            "timestamp": BASE_TIMESTAMP_MS + i,
        })
    return out


def compressible_values(n):
    """Values that compress well, so a compressed batch is really smaller than its records."""
    return [("record %05d " % i).encode() + b"x" * 200 for i in range(n)]


def emit(result):
    json.dump(result, sys.stdout, sort_keys=True)
    sys.stdout.write("\n")
    sys.stdout.flush()


def deadline(seconds):
    """A monotonic deadline; loops use it so that nothing here can wait forever."""
    end = time.monotonic() + seconds
    return lambda: time.monotonic() < end


def client_timeout():
    """Seconds a script waits for the broker at most (env SAMSA_CLIENT_TIMEOUT, default 30)."""
    return float(os.environ.get("SAMSA_CLIENT_TIMEOUT", "30"))


def run_id():
    """A short random suffix so reruns against a long-lived broker don't collide on names."""
    return os.urandom(3).hex()
