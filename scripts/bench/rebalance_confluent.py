#!/usr/bin/env python3
"""Rebalance time of a confluent-kafka (librdkafka) group, as `samsa-client-perf rebalance` measures it for
SamsaClient: MEMBERS consumers share a group on a PARTITIONS-partition topic, the last one closes (LeaveGroup),
and the clock runs until the remaining members own every partition exactly once (seen through their
on_assign / on_revoke / on_lost callbacks). Eager (range) and cooperative-sticky, RUNS times each.
Usage: rebalance_confluent.py BOOTSTRAP TOPIC [RUNS] [MEMBERS] [PARTITIONS] [HEARTBEAT_MS]"""
import os, random, sys, threading, time
from confluent_kafka import Consumer, KafkaException
from confluent_kafka.admin import AdminClient, NewTopic

bs, topic = sys.argv[1], sys.argv[2]
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
members = int(sys.argv[4]) if len(sys.argv) > 4 else 4
partitions = int(sys.argv[5]) if len(sys.argv) > 5 else 12
heartbeat_ms = int(sys.argv[6]) if len(sys.argv) > 6 else 3000

admin = AdminClient({"bootstrap.servers": bs})
try:
    admin.create_topics([NewTopic(topic, partitions, 1)])[topic].result(10)
except KafkaException as e:
    if "TOPIC_ALREADY_EXISTS" not in str(e):
        raise


class Tracker:
    """Who owns what, and when the armed members first own every partition exactly once."""
    def __init__(self):
        self.lock = threading.Lock()
        self.owned = {}
        self.target = None
        self.completed = None

    def covers(self, who, every_member_has_some=False):
        sets = [self.owned.get(m, set()) for m in who]
        if every_member_has_some and any(not s for s in sets):
            return False
        union = set().union(*sets)
        return len(union) == partitions and sum(len(s) for s in sets) == partitions

    def change(self, member, add=(), remove=()):
        with self.lock:
            s = self.owned.setdefault(member, set())
            s |= set(add)
            s -= set(remove)
            if self.target is not None and self.covers(self.target):
                self.completed = time.monotonic()
                self.target = None

    def arm(self, who):
        with self.lock:
            self.completed = None
            self.target = who
            if self.covers(who):
                self.completed = time.monotonic()
                self.target = None


def measure(strategy, run):
    group = f"rebalance-{strategy}-{run}-{os.getpid()}"
    tracker = Tracker()
    consumers, stops, threads = [], [], []
    for m in range(members):
        c = Consumer({"bootstrap.servers": bs, "group.id": group, "partition.assignment.strategy": strategy,
                      "heartbeat.interval.ms": heartbeat_ms, "enable.auto.commit": False,
                      "auto.offset.reset": "latest"})
        # librdkafka (incremental_)assigns by itself after these callbacks return.
        c.subscribe([topic],
                    on_assign=lambda c, ps, m=m: tracker.change(m, add=[p.partition for p in ps]),
                    on_revoke=lambda c, ps, m=m: tracker.change(m, remove=[p.partition for p in ps]),
                    on_lost=lambda c, ps, m=m: tracker.change(m, remove=[p.partition for p in ps]))
        stop = threading.Event()

        def loop(c=c, stop=stop):
            while not stop.is_set():
                c.poll(0.1)
        t = threading.Thread(target=loop, daemon=True)
        t.start()
        consumers.append(c); stops.append(stop); threads.append(t)
    everyone = list(range(members))
    settled = False
    for _ in range(600):
        time.sleep(0.1)
        with tracker.lock:
            ok = tracker.covers(everyone, every_member_has_some=True)
        if ok:
            d = admin.describe_consumer_groups([group])[group].result(10)
            if str(d.state).endswith("STABLE") and len(d.members) == members:
                settled = True
                break
    if not settled:
        raise SystemExit(f"group {group} did not settle with {members} members within 60 s")
    # Members joined together, so their heartbeats tick in step: leave at a random point of the cycle.
    time.sleep(random.uniform(0, heartbeat_ms / 1000))
    leaving = members - 1
    stops[leaving].set(); threads[leaving].join()
    tracker.arm(list(range(leaving)))
    start = time.monotonic()
    consumers[leaving].close()
    done = None
    for _ in range(60000):
        with tracker.lock:
            done = tracker.completed
        if done is not None:
            break
        time.sleep(0.001)
    for m in range(leaving):
        stops[m].set(); threads[m].join(); consumers[m].close()
    if done is None:
        raise SystemExit(f"the remaining members of {group} did not own every partition within 60 s")
    return done - start


for strategy in ["range", "cooperative-sticky"]:
    times = []
    for run in range(1, runs + 1):
        t = measure(strategy, run)
        print(f"{strategy} run {run}: {t:.3f} s", flush=True)
        times.append(t)
    times.sort()
    print(f"{strategy}: median {times[len(times) // 2]:.3f} s, max {times[-1]:.3f} s over {runs} runs "
          f"({members} members, {partitions} partitions, heartbeat.interval.ms={heartbeat_ms})", flush=True)
