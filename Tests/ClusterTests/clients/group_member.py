#!/usr/bin/env python3
"""One member of a consumer group, for the mixed-client interoperability test. The XCTest owns
the process; the member reports through files in DIR:

  group_member.py confluent|kafka-python BOOTSTRAP TOPIC GROUP NAME DIR

  DIR/NAME.reads.jsonl     one {"p": partition, "o": offset, "v": value} line per record read,
                           written before the offsets are committed
  DIR/NAME.assignment.json {"partitions": [...]}: what the member owns now (replaced atomically)
  DIR/NAME.stop            created by the test: the member commits, leaves the group cleanly
                           (close) and exits 0

Offsets are committed synchronously after every batch, so a clean handover never hands a read
record to another member. Every member uses the range assignor and a 6 s session timeout."""
import json
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "CompatibilityTests", "clients"))
import common  # noqa: E402

SESSION_TIMEOUT_MS = 6000
LIFETIME_S = 240  # bounded: a member the test forgot still exits


def write_assignment(directory, name, partitions):
    path = os.path.join(directory, name + ".assignment.json")
    with open(path + ".tmp", "w") as f:
        json.dump({"partitions": sorted(partitions)}, f)
    os.replace(path + ".tmp", path)


def run_confluent(bootstrap, topic, group, name, directory, reads, stop_file):
    from confluent_kafka import Consumer

    consumer = Consumer({
        "bootstrap.servers": bootstrap, "group.id": group, "client.id": name,
        "enable.auto.commit": False, "auto.offset.reset": "earliest",
        "session.timeout.ms": SESSION_TIMEOUT_MS, "heartbeat.interval.ms": 1000,
        "partition.assignment.strategy": "range",
    })
    consumer.subscribe([topic])
    alive = common.deadline(LIFETIME_S)
    while alive() and not os.path.exists(stop_file):
        messages = consumer.consume(100, 0.2)
        batch = [m for m in messages if m.error() is None]
        for m in batch:
            reads.write(json.dumps({"p": m.partition(), "o": m.offset(), "v": m.value().decode()}) + "\n")
        reads.flush()
        if batch:
            try:
                consumer.commit(asynchronous=False)
            except Exception as error:  # a commit refused during a rebalance: the next one covers it
                sys.stderr.write("commit failed: %s\n" % error)
        write_assignment(directory, name, [tp.partition for tp in consumer.assignment()])
    consumer.close()


def run_kafka_python(bootstrap, topic, group, name, directory, reads, stop_file):
    from kafka import KafkaConsumer
    from kafka.coordinator.assignors.range import RangePartitionAssignor

    consumer = KafkaConsumer(
        topic, bootstrap_servers=bootstrap, group_id=group, client_id=name,
        enable_auto_commit=False, auto_offset_reset="earliest",
        session_timeout_ms=SESSION_TIMEOUT_MS, heartbeat_interval_ms=1000,
        partition_assignment_strategy=[RangePartitionAssignor])
    alive = common.deadline(LIFETIME_S)
    while alive() and not os.path.exists(stop_file):
        polled = consumer.poll(timeout_ms=200)
        count = 0
        for records in polled.values():
            for r in records:
                reads.write(json.dumps({"p": r.partition, "o": r.offset, "v": r.value.decode()}) + "\n")
                count += 1
        reads.flush()
        if count:
            try:
                consumer.commit()
            except Exception as error:
                sys.stderr.write("commit failed: %s\n" % error)
        write_assignment(directory, name, [tp.partition for tp in consumer.assignment()])
    consumer.close()


def main(argv):
    client, bootstrap, topic, group, name, directory = argv[1:7]
    stop_file = os.path.join(directory, name + ".stop")
    with open(os.path.join(directory, name + ".reads.jsonl"), "a") as reads:
        if client == "confluent":
            run_confluent(bootstrap, topic, group, name, directory, reads, stop_file)
        elif client == "kafka-python":
            run_kafka_python(bootstrap, topic, group, name, directory, reads, stop_file)
        else:
            sys.exit("unknown client %r: use confluent or kafka-python" % client)
    write_assignment(directory, name, [])


if __name__ == "__main__":
    main(sys.argv)
