#!/usr/bin/env python3
"""Consumer groups and idempotent producers with confluent-kafka (librdkafka); prints one JSON
result on stdout.

Usage: confluent_groups.py CASE BOOTSTRAP [ARGS]
  rebalance TOPIC GROUP [STRATEGY]   create a 4-partition topic with 10 records per partition; two
               consumers join GROUP (subscribe); report each one's assignment once all 4
               partitions are owned; each commits what it read; then one closes (LeaveGroup)
               and the report gives the other's assignment after the rebalance, plus the
               group's committed offsets. STRATEGY is partition.assignment.strategy
               (default range; cooperative-sticky rebalances incrementally, KIP-429).
  static TOPIC GROUP      two static members (group.instance.id, KIP-345) own 2 partitions
               each; the second closes (static members send no LeaveGroup) and a new
               consumer with its instance id takes its place: the report gives both
               assignments and how often the first member saw partitions revoked.
  sigkill TOPIC GROUP     a member in a child process is SIGKILLed (no LeaveGroup): the
               survivor owns all 4 partitions once the coordinator expires the dead
               member's session (session.timeout.ms=6000); reports the seconds it took.
  member TOPIC GROUP      (used by sigkill) consume in GROUP, print the assignment as a JSON
               line whenever it changes, until killed.
  committed TOPIC GROUP   the committed offsets of GROUP for the 4 partitions of TOPIC.
  idempotent TOPIC N      produce N records with enable.idempotence=true to a 1-partition
               topic, read them back, count distinct values and duplicates.
The script reports what it saw; the XCTest decides what is right."""
import json
import signal
import subprocess
import sys
import threading
import time

from confluent_kafka import Consumer, KafkaError, Producer, TopicPartition
from confluent_kafka.admin import AdminClient, NewTopic

import common

TIMEOUT = common.client_timeout()


def consumer(bootstrap, group, name, strategy="range"):
    return Consumer({
        "bootstrap.servers": bootstrap,
        "group.id": group,
        "client.id": name,
        "auto.offset.reset": "earliest",
        "enable.auto.commit": False,
        "session.timeout.ms": 6000,
        "heartbeat.interval.ms": 500,
        "partition.assignment.strategy": strategy,
    })


def create_topic(bootstrap, topic, partitions):
    admin = AdminClient({"bootstrap.servers": bootstrap})
    admin.create_topics([NewTopic(topic, partitions, 1)])[topic].result(timeout=TIMEOUT)


def produce(bootstrap, topic, partitions, per_partition):
    producer = Producer({"bootstrap.servers": bootstrap, "acks": "all"})
    for p in range(partitions):
        for i in range(per_partition):
            producer.produce(topic, value=b"p%d-%d" % (p, i), partition=p)
    producer.flush(TIMEOUT)


def poll_until(consumers, done, read):
    """Polls every consumer (each must poll to heartbeat and rebalance) until done()."""
    more = common.deadline(TIMEOUT)
    while more() and not done():
        for c in consumers:
            msg = c.poll(0.1)
            if msg is not None and msg.error() is None:
                read.setdefault(c, []).append((msg.partition(), msg.offset()))
    return done()


def assignment(c):
    return sorted(tp.partition for tp in c.assignment())


def rebalance(bootstrap, topic, group, strategy):
    create_topic(bootstrap, topic, 4)
    produce(bootstrap, topic, 4, 10)
    c1 = consumer(bootstrap, group, "c1", strategy)
    c2 = consumer(bootstrap, group, "c2", strategy)
    c1.subscribe([topic])
    c2.subscribe([topic])
    read = {}
    both = poll_until([c1, c2], lambda: len(assignment(c1)) == 2 and len(assignment(c2)) == 2, read)
    first = [assignment(c1), assignment(c2)]
    # Read everything the two own, then commit.
    poll_until([c1, c2], lambda: sum(len(v) for v in read.values()) >= 40, read)
    errors = []
    for c in (c1, c2):
        try:
            c.commit(asynchronous=False)
        except Exception as e:  # KafkaException
            errors.append(str(e))
    c2.close()
    alone = poll_until([c1], lambda: len(assignment(c1)) == 4, read)
    after = assignment(c1)
    committed = c1.committed([TopicPartition(topic, p) for p in range(4)], timeout=TIMEOUT)
    c1.close()
    common.emit({
        "both_assigned": both,
        "first": first,
        "alone": alone,
        "after_leave": after,
        "read": sum(len(v) for v in read.values()),
        "commit_errors": errors,
        "committed": {str(tp.partition): tp.offset for tp in committed},
    })


def static(bootstrap, topic, group):
    create_topic(bootstrap, topic, 4)
    revoked = []

    def member(name, instance):
        c = Consumer({
            "bootstrap.servers": bootstrap, "group.id": group, "client.id": name,
            "group.instance.id": instance, "auto.offset.reset": "earliest", "enable.auto.commit": False,
            "session.timeout.ms": 30000, "heartbeat.interval.ms": 500, "partition.assignment.strategy": "range",
        })
        return c

    c1 = member("c1", "i1")
    c1.subscribe([topic], on_revoke=lambda c, parts: revoked.append(sorted(p.partition for p in parts)))
    # c1 first, alone, so that it is the leader; then i2 joins.
    poll_until([c1], lambda: len(assignment(c1)) == 4, {})
    c2 = member("c2", "i2")
    c2.subscribe([topic])
    both = poll_until([c1, c2], lambda: len(assignment(c1)) == 2 and len(assignment(c2)) == 2, {})
    before = [assignment(c1), assignment(c2)]
    revoked_before = len(revoked)
    c2.close()
    c3 = member("c3", "i2")
    c3.subscribe([topic])
    rejoined = poll_until([c1, c3], lambda: len(assignment(c3)) == 2, {})
    # Give a rebalance, if any were triggered, the time to reach c1.
    end = time.monotonic() + 3
    while time.monotonic() < end:
        for c in (c1, c3):
            c.poll(0.1)
    after = [assignment(c1), assignment(c3)]
    revocations = len(revoked) - revoked_before  # before close(), which revokes too
    c1.close()
    c3.close()
    common.emit({
        "both_assigned": both, "rejoined": rejoined, "before": before, "after": after,
        "revocations_after_restart": revocations,
    })


def member(bootstrap, topic, group):
    c = consumer(bootstrap, group, "child")
    c.subscribe([topic])
    last = None
    while True:
        c.poll(0.1)
        now = assignment(c)
        if now != last:
            last = now
            print(json.dumps(now), flush=True)


def sigkill(bootstrap, topic, group):
    create_topic(bootstrap, topic, 4)
    survivor = consumer(bootstrap, group, "survivor")
    survivor.subscribe([topic])
    poll_until([survivor], lambda: len(assignment(survivor)) == 4, {})
    child = subprocess.Popen([sys.executable, __file__, "member", bootstrap, topic, group],
                             stdout=subprocess.PIPE, text=True)
    child_assignment = []

    def read_child():
        for line in child.stdout:
            child_assignment[:] = json.loads(line)

    threading.Thread(target=read_child, daemon=True).start()
    both = poll_until([survivor], lambda: len(assignment(survivor)) == 2 and len(child_assignment) == 2, {})
    shared = [assignment(survivor), list(child_assignment)]
    child.send_signal(signal.SIGKILL)
    child.wait()
    killed_at = time.monotonic()
    alone = poll_until([survivor], lambda: len(assignment(survivor)) == 4, {})
    elapsed = time.monotonic() - killed_at
    survivor.close()
    common.emit({"both_assigned": both, "shared": shared, "alone": alone,
                 "seconds_to_take_over": round(elapsed, 1)})


def committed(bootstrap, topic, group):
    c = consumer(bootstrap, group, "reader")
    offsets = c.committed([TopicPartition(topic, p) for p in range(4)], timeout=TIMEOUT)
    c.close()
    common.emit({"committed": {str(tp.partition): tp.offset for tp in offsets}})


def idempotent(bootstrap, topic, count):
    create_topic(bootstrap, topic, 1)
    producer = Producer({
        "bootstrap.servers": bootstrap,
        "enable.idempotence": True,
        "linger.ms": 5,
        "batch.num.messages": 100,
    })
    errors = []

    def delivered(err, msg):
        if err is not None:
            errors.append(err.name())

    for i in range(count):
        producer.produce(topic, value=b"%06d" % i, on_delivery=delivered)
        if i % 1000 == 0:
            producer.poll(0)
    producer.flush(TIMEOUT)
    c = Consumer({"bootstrap.servers": bootstrap, "group.id": "idem-" + common.run_id(),
                  "auto.offset.reset": "earliest", "enable.auto.commit": False})
    c.assign([TopicPartition(topic, 0, 0)])
    values = []
    more = common.deadline(TIMEOUT)
    while more() and len(values) < count:
        msg = c.poll(0.2)
        if msg is not None and msg.error() is None:
            values.append(msg.value())
    c.close()
    common.emit({
        "errors": errors[:5],
        "read": len(values),
        "distinct": len(set(values)),
        "in_order": values == sorted(values),
    })


def main():
    case, bootstrap = sys.argv[1], sys.argv[2]
    if case == "rebalance":
        rebalance(bootstrap, sys.argv[3], sys.argv[4], sys.argv[5] if len(sys.argv) > 5 else "range")
    elif case == "static":
        static(bootstrap, sys.argv[3], sys.argv[4])
    elif case == "sigkill":
        sigkill(bootstrap, sys.argv[3], sys.argv[4])
    elif case == "member":
        member(bootstrap, sys.argv[3], sys.argv[4])
    elif case == "committed":
        committed(bootstrap, sys.argv[3], sys.argv[4])
    elif case == "idempotent":
        idempotent(bootstrap, sys.argv[3], int(sys.argv[4]))
    else:
        sys.exit("unknown case %r" % case)


if __name__ == "__main__":
    main()
