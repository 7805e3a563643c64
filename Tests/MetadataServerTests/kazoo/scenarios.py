"""Differential scenarios: the same kazoo steps against samsa-meta and a real ZooKeeper 3.8.

Usage: python scenarios.py HOST:PORT > results.json

Every step records what a client can observe (data, children, errors, events, Stat fields
except zxids and times) so the two servers' outputs can be compared line by line.
"""
import json
import os
import signal
import subprocess
import sys
import threading
import time

from kazoo.client import KazooClient
from kazoo.exceptions import KazooException, SessionExpiredError
from kazoo.security import ACL, Id, make_acl, make_digest_acl

HOSTS = sys.argv[1]
TIMEOUT = 4.0
results = []


def stat_fields(stat, owner_session=None):
    if stat is None:
        return None
    owner = stat.ephemeralOwner
    if owner == 0:
        owner_text = "none"
    elif owner_session is not None and owner == owner_session:
        owner_text = "self"
    else:
        owner_text = "other"
    return {
        "version": stat.version,
        "cversion": stat.cversion,
        "aversion": stat.aversion,
        "ephemeralOwner": owner_text,
        "dataLength": stat.dataLength,
        "numChildren": stat.numChildren,
    }


def record(name, fn):
    try:
        value = fn()
        results.append({"step": name, "ok": value})
    except KazooException as error:
        results.append({"step": name, "error": type(error).__name__})


def wait_for(events, count, limit=10.0):
    deadline = time.time() + limit
    while len(events) < count and time.time() < deadline:
        time.sleep(0.02)
    time.sleep(0.2)  # let any extra (wrong) events arrive too


def new_client(**kwargs):
    client = KazooClient(hosts=HOSTS, timeout=TIMEOUT, **kwargs)
    client.start(timeout=15)
    return client


zk = new_client()
me = zk.client_id[0]
root = "/samsa-diff"


def clean():
    # Nodes whose ACL hides their children are deleted first (delete needs rights on the parent).
    for leaf in ("/ip", "/ip2", "/acl", "/acl2"):
        if zk.exists(root + leaf):
            zk.delete(root + leaf)
    if zk.exists(root):
        zk.delete(root, recursive=True)


clean()

# CRUD and Stat.
record("create root", lambda: zk.create(root, b"r"))
record("create child", lambda: zk.create(root + "/a", b"hello"))
record("create exists", lambda: zk.create(root + "/a", b"again"))
record("create no parent", lambda: zk.create(root + "/missing/x", b""))
record("get", lambda: [zk.get(root + "/a")[0].decode(), stat_fields(zk.get(root + "/a")[1])])
record("get missing", lambda: zk.get(root + "/nope"))
record("set", lambda: stat_fields(zk.set(root + "/a", b"v2")))
record("set version ok", lambda: stat_fields(zk.set(root + "/a", b"v3", version=1)))
record("set bad version", lambda: zk.set(root + "/a", b"v4", version=7))
record("exists", lambda: stat_fields(zk.exists(root + "/a")))
record("exists missing", lambda: zk.exists(root + "/nope"))
record("root stat", lambda: stat_fields(zk.exists(root)))
record("children", lambda: sorted(zk.get_children(root)))
record("children2", lambda: [sorted(zk.get_children(root, include_data=True)[0]), stat_fields(zk.get_children(root, include_data=True)[1])])
record("delete not empty", lambda: zk.delete(root))
record("delete bad version", lambda: zk.delete(root + "/a", version=9))
record("delete", lambda: zk.delete(root + "/a", version=2))
record("delete missing", lambda: zk.delete(root + "/a"))
record("root stat after delete", lambda: stat_fields(zk.exists(root)))
record("empty data", lambda: [zk.create(root + "/empty"), zk.get(root + "/empty")[0].decode(), stat_fields(zk.get(root + "/empty")[1])])
record("all children number", lambda: zk.create(root + "/empty/x") and zk.get_children(root, include_data=False) and None)
record("zookeeper node", lambda: sorted(zk.get_children("/zookeeper")))
record("zookeeper config stat", lambda: stat_fields(zk.exists("/zookeeper/config")))
record("delete /zookeeper", lambda: zk.delete("/zookeeper"))
record("sync", lambda: zk.sync(root))

# Sequential nodes.
record("seq 1", lambda: zk.create(root + "/q/item-", b"", sequence=True, makepath=True))
record("seq 2", lambda: zk.create(root + "/q/item-", b"", sequence=True))
record("seq delete", lambda: zk.delete(root + "/q/item-0000000000"))
record("seq 3", lambda: zk.create(root + "/q/item-", b"", sequence=True))
record("seq bare", lambda: zk.create(root + "/q/", b"", sequence=True))
record("seq children", lambda: sorted(zk.get_children(root + "/q")))
record("seq parent stat", lambda: stat_fields(zk.exists(root + "/q")))

# Ephemerals.
record("ephemeral", lambda: zk.create(root + "/e", b"", ephemeral=True))
record("ephemeral stat", lambda: stat_fields(zk.exists(root + "/e"), me))
record("ephemeral child", lambda: zk.create(root + "/e/child", b""))
record("ephemeral seq", lambda: zk.create(root + "/eseq-", b"", ephemeral=True, sequence=True))

# One-shot watches.
events = []
zk.get(root + "/w1", watch=None) if zk.exists(root + "/w1") else None
record("exists watch on missing", lambda: zk.exists(root + "/w1", watch=lambda e: events.append(["exists", e.type, e.path])))
zk.create(root + "/w1", b"x")
wait_for(events, 1)
record("data watch", lambda: zk.get(root + "/w1", watch=lambda e: events.append(["data", e.type, e.path]))[0].decode())
zk.set(root + "/w1", b"y")
zk.set(root + "/w1", b"z")  # one-shot: no second event
wait_for(events, 2)
record("child watch", lambda: zk.get_children(root + "/w1", watch=lambda e: events.append(["child", e.type, e.path])))
zk.create(root + "/w1/c", b"")
wait_for(events, 3)
zk.get(root + "/w1/c", watch=lambda e: events.append(["data-del", e.type, e.path]))
zk.get_children(root + "/w1", watch=lambda e: events.append(["child-del", e.type, e.path]))
zk.exists(root + "/w1/c", watch=lambda e: events.append(["exists-del", e.type, e.path]))
zk.delete(root + "/w1/c")
wait_for(events, 6)
zk.get_children(root + "/w1/", watch=None) if False else None
zk.get(root + "/w1", watch=lambda e: events.append(["data-self", e.type, e.path]))
zk.get_children(root + "/w1", watch=lambda e: events.append(["child-self", e.type, e.path]))
zk.delete(root + "/w1")
wait_for(events, 8)
results.append({"step": "one-shot events", "ok": sorted(events[:2]) + events[2:3] + sorted(events[3:6]) + sorted(events[6:])})

# Persistent and recursive watches (addWatch) are not in kazoo 2.11; MetadataClientTests
# cover them against both servers.

# Multi.
def multi_ok():
    t = zk.transaction()
    t.create(root + "/m", b"m")
    t.create(root + "/m/1", b"")
    t.set_data(root + "/m", b"mm")
    t.check(root + "/m", 1)
    t.delete(root + "/m/1")
    return [r if isinstance(r, (str, bool)) else (stat_fields(r) if hasattr(r, "version") else type(r).__name__) for r in t.commit()]


def multi_fail():
    t = zk.transaction()
    t.create(root + "/m2", b"")
    t.check(root + "/m", 0)
    t.delete(root + "/nope")
    t.set_data(root + "/m", b"never")
    return [r if isinstance(r, (str, bool)) else type(r).__name__ for r in t.commit()]


record("multi ok", multi_ok)
record("multi fail", multi_fail)
record("multi fail left nothing", lambda: [zk.exists(root + "/m2") is None, zk.get(root + "/m")[0].decode()])

# ACLs.
auth_client = new_client(auth_data=[("digest", "alice:secret")])
record("acl create", lambda: auth_client.create(root + "/acl", b"s", acl=[make_digest_acl("alice", "secret", all=True)]))
record("acl read denied", lambda: zk.get(root + "/acl"))
record("acl set denied", lambda: zk.set(root + "/acl", b"x"))
record("acl read allowed", lambda: auth_client.get(root + "/acl")[0].decode())
record("acl get", lambda: [[a.perms, a.id.scheme, a.id.id] for a in zk.get_acls(root + "/acl")[0]])
record("acl auth scheme", lambda: auth_client.create(root + "/acl2", b"", acl=[ACL(31, Id("auth", ""))]))
record("acl auth scheme result", lambda: [[a.perms, a.id.scheme, a.id.id] for a in auth_client.get_acls(root + "/acl2")[0]])
record("acl auth without auth", lambda: zk.create(root + "/acl3", b"", acl=[ACL(31, Id("auth", ""))]))
record("acl invalid scheme", lambda: zk.create(root + "/acl4", b"", acl=[ACL(31, Id("nosuch", "x"))]))
record("acl read-only world", lambda: zk.create(root + "/ro", b"", acl=[make_acl("world", "anyone", read=True)]))
record("acl create under read-only", lambda: zk.create(root + "/ro/x", b""))
record("acl ip", lambda: zk.create(root + "/ip", b"", acl=[make_acl("ip", "127.0.0.1", all=True)]) and zk.get(root + "/ip")[0].decode())
record("acl ip other", lambda: zk.create(root + "/ip2", b"", acl=[make_acl("ip", "10.1.2.3", all=True)]) and zk.get(root + "/ip2")[0].decode())
record("set acl", lambda: stat_fields(auth_client.set_acls(root + "/acl", [make_acl("world", "anyone", read=True, admin=True)])))
record("acl after set", lambda: zk.get(root + "/acl")[0].decode())
record("set acl bad version", lambda: zk.set_acls(root + "/acl", [make_acl("world", "anyone", all=True)], version=5))
auth_client.stop()
auth_client.close()

# Sessions: expiry deletes ephemerals and fires their watches; resume keeps them.
CHILD = """
import sys, time
from kazoo.client import KazooClient
zk = KazooClient(hosts=sys.argv[1], timeout=2.0)
zk.start(timeout=15)
zk.create(sys.argv[2], b"", ephemeral=True)
sid, pw = zk.client_id
print(sid, pw.hex(), flush=True)
time.sleep(60)
"""


def spawn_owner(path):
    process = subprocess.Popen([sys.executable, "-c", CHILD, HOSTS, path], stdout=subprocess.PIPE, text=True)
    line = process.stdout.readline().split()
    return process, int(line[0]), bytes.fromhex(line[1])


sevents = []
zk.ensure_path(root + "/sessions")
owner, sid, pw = spawn_owner(root + "/sessions/gone")
record("other ephemeral", lambda: stat_fields(zk.exists(root + "/sessions/gone", watch=lambda e: sevents.append(["exists", e.type, e.path])), me))
zk.get_children(root + "/sessions", watch=lambda e: sevents.append(["child", e.type, e.path]))
owner.send_signal(signal.SIGKILL)
owner.wait()
wait_for(sevents, 2, limit=20)
results.append({"step": "expiry events", "ok": sorted(sevents)})
record("expired node gone", lambda: zk.exists(root + "/sessions/gone"))
late = KazooClient(hosts=HOSTS, timeout=TIMEOUT, client_id=(sid, pw))
states = []
late.add_listener(lambda s: states.append(str(s)))
try:
    late.start(timeout=5)
    results.append({"step": "resume expired", "ok": "connected"})
except Exception as error:  # kazoo reports an expired session as a failed start
    results.append({"step": "resume expired", "error": type(error).__name__})
finally:
    late.stop()
    late.close()

owner, sid, pw = spawn_owner(root + "/sessions/kept")
owner.send_signal(signal.SIGKILL)
owner.wait()
resumed = KazooClient(hosts=HOSTS, timeout=TIMEOUT, client_id=(sid, pw))
resumed.start(timeout=10)
record("resume same session", lambda: resumed.client_id[0] == sid)
record("resumed ephemeral kept", lambda: stat_fields(resumed.exists(root + "/sessions/kept"), resumed.client_id[0]))
resumed.stop()
resumed.close()
record("closed session ephemeral gone", lambda: zk.exists(root + "/sessions/kept"))

clean()
zk.stop()
zk.close()
print(json.dumps(results, indent=1, sort_keys=True))
