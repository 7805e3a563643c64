#!/usr/bin/env python3
"""Consumer groups and the idempotent producer with kafka-python; prints one JSON result.

Usage: kafka_python_groups.py CASE BOOTSTRAP [ARGS]
  rebalance TOPIC GROUP   as confluent_groups.py: a 4-partition topic, 10 records per
               partition, two KafkaConsumers subscribe in GROUP; their assignments once all
               4 partitions are owned; each commits; one closes; the other's assignment after
               the rebalance and the committed offsets.
  idempotent TOPIC N      KafkaProducer(enable_idempotence=True) sends N records to a
               1-partition topic; read back; distinct values and order.
The XCTest decides what is right."""
import sys

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient, NewTopic

import common

TIMEOUT = common.client_timeout()
TIMEOUT_MS = int(TIMEOUT * 1000)


def create_topic(bootstrap, topic, partitions):
    admin = KafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=TIMEOUT_MS)
    admin.create_topics([NewTopic(topic, partitions, 1)])
    admin.close()


def consumer(bootstrap, group, name):
    return KafkaConsumer(
        bootstrap_servers=bootstrap, group_id=group, client_id=name, auto_offset_reset="earliest",
        enable_auto_commit=False, session_timeout_ms=6000, heartbeat_interval_ms=500,
        request_timeout_ms=TIMEOUT_MS + 5000)


def assignment(c):
    return sorted(tp.partition for tp in c.assignment())


def poll_until(consumers, done, read):
    more = common.deadline(TIMEOUT)
    while more() and not done():
        for c in consumers:
            # kafka-python gives up a join/sync in flight when poll() times out first; leave it time.
            for tp, msgs in c.poll(timeout_ms=1000).items():
                read.setdefault(id(c), []).extend((m.partition, m.offset) for m in msgs)
    return done()


def rebalance(bootstrap, topic, group):
    create_topic(bootstrap, topic, 4)
    producer = KafkaProducer(bootstrap_servers=bootstrap, acks="all")
    for p in range(4):
        for i in range(10):
            producer.send(topic, value=b"p%d-%d" % (p, i), partition=p)
    producer.flush(TIMEOUT)
    producer.close()
    c1 = consumer(bootstrap, group, "c1")
    c2 = consumer(bootstrap, group, "c2")
    c1.subscribe([topic])
    c2.subscribe([topic])
    read = {}
    both = poll_until([c1, c2], lambda: len(assignment(c1)) == 2 and len(assignment(c2)) == 2, read)
    first = [assignment(c1), assignment(c2)]
    poll_until([c1, c2], lambda: sum(len(v) for v in read.values()) >= 40, read)
    errors = []
    for c in (c1, c2):
        try:
            c.commit()
        except Exception as e:
            errors.append("%s: %s" % (type(e).__name__, e))
    c2.close()
    alone = poll_until([c1], lambda: len(assignment(c1)) == 4, read)
    after = assignment(c1)
    committed = {str(p): c1.committed(TopicPartition(topic, p)) for p in range(4)}
    c1.close()
    common.emit({
        "both_assigned": both, "first": first, "alone": alone, "after_leave": after,
        "read": sum(len(v) for v in read.values()), "commit_errors": errors, "committed": committed,
    })


def idempotent(bootstrap, topic, count):
    create_topic(bootstrap, topic, 1)
    producer = KafkaProducer(bootstrap_servers=bootstrap, enable_idempotence=True, linger_ms=5)
    futures = [producer.send(topic, value=b"%06d" % i) for i in range(count)]
    producer.flush(TIMEOUT)
    errors = [type(f.exception).__name__ for f in futures if f.failed()][:5]
    producer.close()
    c = KafkaConsumer(bootstrap_servers=bootstrap, auto_offset_reset="earliest", enable_auto_commit=False)
    c.assign([TopicPartition(topic, 0)])
    c.seek_to_beginning()
    values = []
    more = common.deadline(TIMEOUT)
    while more() and len(values) < count:
        for tp, msgs in c.poll(timeout_ms=200).items():
            values.extend(m.value for m in msgs)
    c.close()
    common.emit({"errors": errors, "read": len(values), "distinct": len(set(values)),
                 "in_order": values == sorted(values)})


def main():
    case, bootstrap = sys.argv[1], sys.argv[2]
    if case == "rebalance":
        rebalance(bootstrap, sys.argv[3], sys.argv[4])
    elif case == "idempotent":
        idempotent(bootstrap, sys.argv[3], int(sys.argv[4]))
    else:
        sys.exit("unknown case %r" % case)


if __name__ == "__main__":
    main()
