#!/usr/bin/env python3
"""Crash durability with confluent-kafka: every record the broker acknowledged (acks=1) must be
readable at its acknowledged offset after the broker is SIGKILLed and restarted on the same log
directories. The XCTest owns the broker process; this script produces and verifies.

Usage:
  confluent_durability.py produce BOOTSTRAP TOPIC COUNT ACKED_FILE
      Create TOPIC (3 partitions; an existing topic is fine), then produce COUNT records
      "record-000000"... with acks=1, flushing every 10 records. Each acknowledgement is
      appended to ACKED_FILE at once as a JSON line {"i", "partition", "offset"}, so the test
      can watch progress and kill the broker mid-way. At the first delivery error (the broker
      is gone) no new records are produced; the ones in flight get message.timeout.ms to end.
      Prints {"acked", "failed", "first_error"}.
  confluent_durability.py verify BOOTSTRAP TOPIC ACKED_FILE
      Read all partitions from the beginning to their end and check every acknowledged record
      is at its offset with its value. Prints {"acked", "read", "missing", "missing_count",
      "wrong", "wrong_count", "duplicate_acks", "end_offsets", "partitions_at_end", "errors"}
      (lists cut to their first 20 entries)."""
import json
import sys

from confluent_kafka import Consumer, KafkaError, Producer, TopicPartition, OFFSET_BEGINNING
from confluent_kafka.admin import AdminClient, NewTopic

import common

TIMEOUT = common.client_timeout()
PARTITIONS = 3


def value_of(i):
    return b"record-%06d" % i


def produce(bootstrap, topic, count, acked_path):
    admin = AdminClient({"bootstrap.servers": bootstrap})
    try:
        admin.create_topics([NewTopic(topic, PARTITIONS, 1)])[topic].result(timeout=TIMEOUT)
    except Exception as e:
        err = e.args[0] if e.args else None
        if not (isinstance(err, KafkaError) and err.code() == KafkaError.TOPIC_ALREADY_EXISTS):
            raise
    producer = Producer({"bootstrap.servers": bootstrap, "acks": "1", "linger.ms": 0,
                         "enable.idempotence": False, "retries": 0,
                         "message.timeout.ms": 5000, "socket.timeout.ms": 5000,
                         "reconnect.backoff.max.ms": 500})
    state = {"acked": 0, "failed": 0, "first_error": None}
    with open(acked_path, "a") as acked:
        def on_delivery(err, msg, i):
            if err is not None:
                state["failed"] += 1
                state["first_error"] = state["first_error"] or err.name()
                return
            state["acked"] += 1
            acked.write(json.dumps({"i": i, "partition": msg.partition(), "offset": msg.offset()}) + "\n")
            acked.flush()

        for i in range(count):
            if state["first_error"] is not None:
                break
            producer.produce(topic, key=b"%d" % i, value=value_of(i), partition=i % PARTITIONS,
                             on_delivery=lambda err, msg, i=i: on_delivery(err, msg, i))
            if i % 10 == 9:
                producer.flush(TIMEOUT)
        producer.flush(TIMEOUT)
    return state


def verify(bootstrap, topic, acked_path):
    acks = {}
    duplicates = []
    with open(acked_path) as f:
        for line in f:
            a = json.loads(line)
            where = (a["partition"], a["offset"])
            if where in acks:
                duplicates.append({"partition": a["partition"], "offset": a["offset"],
                                   "first_i": acks[where], "second_i": a["i"]})
            acks[where] = a["i"]

    consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": "samsa-compat-unused",
                         "enable.auto.commit": False, "enable.partition.eof": True,
                         "check.crcs": True})
    parts = list(range(PARTITIONS))
    read, errors, at_end, end_offsets = {}, [], set(), {}
    listed = consumer.list_topics(topic, timeout=TIMEOUT).topics.get(topic)
    if listed is None or listed.error is not None or len(listed.partitions) != PARTITIONS:
        errors.append("topic %s after the restart: %s" % (topic, "not listed" if listed is None else
                      listed.error or "%d partitions" % len(listed.partitions)))
    else:
        consumer.assign([TopicPartition(topic, p, OFFSET_BEGINNING) for p in parts])
        more = common.deadline(TIMEOUT)
        while more() and len(at_end) < len(parts):
            for msg in consumer.consume(1000, 0.5):
                err = msg.error()
                if err is not None:
                    if err.code() == KafkaError._PARTITION_EOF:
                        at_end.add(msg.partition())
                    else:
                        errors.append(err.name())
                    continue
                at_end.discard(msg.partition())
                read[(msg.partition(), msg.offset())] = msg.value()
        for p in parts:
            try:
                end_offsets[p] = consumer.get_watermark_offsets(TopicPartition(topic, p), timeout=TIMEOUT,
                                                                cached=False)[1]
            except Exception as e:
                errors.append("watermarks of partition %d: %s" % (p, e))
    consumer.close()

    missing, wrong = [], []
    for (p, o), i in sorted(acks.items()):
        got = read.get((p, o))
        if got is None:
            missing.append({"partition": p, "offset": o, "i": i})
        elif got != value_of(i):
            wrong.append({"partition": p, "offset": o, "i": i, "got": common.hexify(got)})
    return {"acked": len(acks), "read": len(read), "missing": missing[:20],
            "missing_count": len(missing), "wrong": wrong[:20], "wrong_count": len(wrong),
            "duplicate_acks": duplicates[:20], "end_offsets": end_offsets,
            "partitions_at_end": sorted(at_end), "errors": errors[:20]}


def main(argv):
    if len(argv) == 6 and argv[1] == "produce":
        common.emit(produce(argv[2], argv[3], int(argv[4]), argv[5]))
    elif len(argv) == 5 and argv[1] == "verify":
        common.emit(verify(argv[2], argv[3], argv[4]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
