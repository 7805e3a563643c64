#!/usr/bin/env python3
"""confluent-kafka against a Samsa cluster. The XCTest owns the processes; this script acts as a
client and prints one JSON line.

  cluster_client.py create BOOTSTRAP TOPIC PARTITIONS RF [key=value ...]
  cluster_client.py brokers BOOTSTRAP               -> {"brokers": [ids the metadata lists]}
  cluster_client.py delete BOOTSTRAP TOPIC
  cluster_client.py add_partitions BOOTSTRAP TOPIC COUNT
  cluster_client.py elect_preferred BOOTSTRAP TOPIC PARTITION  -> {"errors": {"t-0": null}}
  cluster_client.py watch BOOTSTRAP TOPIC SEEN_FILE STOP_FILE   consume until STOP_FILE exists
  cluster_client.py check_seen BOOTSTRAP TOPIC SEEN_FILE -> {"seen", "vanished_count", "vanished"}
  cluster_client.py describe BOOTSTRAP TOPIC        -> {"partitions": {"0": {"leader", "replicas", "isr"}}}
  cluster_client.py watermarks BOOTSTRAP TOPIC      -> {"watermarks": {"0": [log start, high watermark]}}
  cluster_client.py produce BOOTSTRAP TOPIC START COUNT ACKS ACKED_FILE [RATE [STOP_FILE]]
        records "record-<i>" for i in START..<START+COUNT, round robin over partitions; each
        acknowledgement appended to ACKED_FILE as {"i", "partition", "offset"}; RATE records/s
        (0: as fast as possible); stops early once STOP_FILE exists
        -> {"acked", "failed", "first_error"}
  cluster_client.py verify BOOTSTRAP TOPIC ACKED_FILE
        -> {"acked", "read", "missing_count", "missing", "wrong_count"}"""
import json
import os
import sys
import time

from confluent_kafka import Consumer, KafkaError, Producer, TopicPartition, OFFSET_BEGINNING
from confluent_kafka.admin import AdminClient, NewTopic

# Shared helpers (deadlines, timeouts) live beside the compatibility tests' scripts.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "CompatibilityTests", "clients"))
import common  # noqa: E402

TIMEOUT = common.client_timeout()


def value_of(i):
    return b"record-%06d" % i


def describe(bootstrap, topic):
    admin = AdminClient({"bootstrap.servers": bootstrap})
    listed = admin.list_topics(topic, timeout=TIMEOUT).topics.get(topic)
    if listed is None or listed.error is not None:
        return {"partitions": {}, "error": str(listed.error) if listed else "not listed"}
    return {"partitions": {str(p.id): {"leader": p.leader, "replicas": list(p.replicas), "isr": list(p.isrs)}
                           for p in listed.partitions.values()}}


def brokers(bootstrap):
    admin = AdminClient({"bootstrap.servers": bootstrap})
    metadata = admin.list_topics(timeout=TIMEOUT)
    return {"brokers": sorted(metadata.brokers.keys()), "controller": metadata.controller_id}


def watermarks(bootstrap, topic):
    partitions = sorted(int(p) for p in describe(bootstrap, topic)["partitions"])
    consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": "samsa-cluster-unused"})
    result = {str(p): list(consumer.get_watermark_offsets(TopicPartition(topic, p), timeout=TIMEOUT, cached=False))
              for p in partitions}
    consumer.close()
    return {"watermarks": result}


def create(bootstrap, topic, partitions, rf, configs):
    admin = AdminClient({"bootstrap.servers": bootstrap})
    admin.create_topics([NewTopic(topic, partitions, rf, config=configs)])[topic].result(timeout=TIMEOUT)
    # Every broker learns of the topic from the controller's UpdateMetadata; the one a later
    # request reaches may not have it yet, so wait until metadata shows every partition led.
    more = common.deadline(TIMEOUT)
    while True:
        result = describe(bootstrap, topic)
        parts = result["partitions"]
        if (len(parts) == partitions and all(p["leader"] >= 0 for p in parts.values())) or not more():
            return result
        time.sleep(0.1)


def delete(bootstrap, topic):
    admin = AdminClient({"bootstrap.servers": bootstrap})
    admin.delete_topics([topic])[topic].result(timeout=TIMEOUT)
    return {"deleted": topic}


def add_partitions(bootstrap, topic, count):
    from confluent_kafka.admin import NewPartitions
    admin = AdminClient({"bootstrap.servers": bootstrap})
    admin.create_partitions([NewPartitions(topic, count)])[topic].result(timeout=TIMEOUT)
    return describe(bootstrap, topic)


def elect_preferred(bootstrap, topic, partition):
    from confluent_kafka import ElectionType
    admin = AdminClient({"bootstrap.servers": bootstrap})
    result = admin.elect_leaders(ElectionType.PREFERRED, [TopicPartition(topic, partition)]).result(timeout=TIMEOUT)
    return {"errors": {"%s-%d" % (tp.topic, tp.partition): (str(err) if err else None) for tp, err in result.items()}}


def produce(bootstrap, topic, start, count, acks, acked_path, rate=0.0, stop_path=None):
    producer = Producer({"bootstrap.servers": bootstrap, "acks": acks, "linger.ms": 5,
                         "enable.idempotence": False, "message.timeout.ms": 120000,
                         "retry.backoff.ms": 200, "topic.metadata.refresh.interval.ms": 1000})
    partitions = len(describe(bootstrap, topic)["partitions"]) or 1
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

        began = time.monotonic()
        for n, i in enumerate(range(start, start + count)):
            if stop_path and os.path.exists(stop_path):
                break
            if rate > 0:
                # Pace the records so a run spans the failures the test causes.
                delay = began + n / rate - time.monotonic()
                if delay > 0:
                    producer.poll(delay)
            producer.produce(topic, key=b"%d" % i, value=value_of(i), partition=i % partitions,
                             on_delivery=lambda err, msg, i=i: on_delivery(err, msg, i))
            producer.poll(0)
        producer.flush(60)
    return state


def watch(bootstrap, topic, seen_path, stop_path):
    """Reads every partition from the start until STOP exists, appending each record it sees."""
    partitions = sorted(int(p) for p in describe(bootstrap, topic)["partitions"])
    consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": "samsa-cluster-watch",
                         "enable.auto.commit": False, "topic.metadata.refresh.interval.ms": 500})
    consumer.assign([TopicPartition(topic, p, OFFSET_BEGINNING) for p in partitions])
    seen = 0
    more = common.deadline(600)
    with open(seen_path, "a") as out:
        while more() and not os.path.exists(stop_path):
            for msg in consumer.consume(1000, 0.2):
                if msg.error() is None:
                    out.write(json.dumps({"partition": msg.partition(), "offset": msg.offset(),
                                          "value": msg.value().decode()}) + "\n")
                    seen += 1
            out.flush()
    consumer.close()
    return {"seen": seen}


def check_seen(bootstrap, topic, seen_path):
    """Every record a consumer saw during the failures is still there, at the same offset."""
    seen = {}
    with open(seen_path) as f:
        for line in f:
            r = json.loads(line)
            seen[(r["partition"], r["offset"])] = r["value"].encode()
    partitions = sorted(int(p) for p in describe(bootstrap, topic)["partitions"])
    consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": "samsa-cluster-unused",
                         "enable.auto.commit": False, "enable.partition.eof": True})
    consumer.assign([TopicPartition(topic, p, OFFSET_BEGINNING) for p in partitions])
    read, at_end = {}, set()
    more = common.deadline(TIMEOUT)
    while more() and len(at_end) < len(partitions):
        for msg in consumer.consume(1000, 0.5):
            if msg.error() is not None:
                if msg.error().code() == KafkaError._PARTITION_EOF:
                    at_end.add(msg.partition())
                continue
            at_end.discard(msg.partition())
            read[(msg.partition(), msg.offset())] = msg.value()
    consumer.close()
    vanished = [{"partition": p, "offset": o} for (p, o), v in sorted(seen.items()) if read.get((p, o)) != v]
    return {"seen": len(seen), "vanished_count": len(vanished), "vanished": vanished[:10]}


def verify(bootstrap, topic, acked_path):
    acks = {}
    with open(acked_path) as f:
        for line in f:
            a = json.loads(line)
            acks[(a["partition"], a["offset"])] = a["i"]
    partitions = sorted(int(p) for p in describe(bootstrap, topic)["partitions"])
    consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": "samsa-cluster-unused",
                         "enable.auto.commit": False, "enable.partition.eof": True})
    consumer.assign([TopicPartition(topic, p, OFFSET_BEGINNING) for p in partitions])
    read, at_end = {}, set()
    more = common.deadline(TIMEOUT)
    while more() and len(at_end) < len(partitions):
        for msg in consumer.consume(1000, 0.5):
            err = msg.error()
            if err is not None:
                if err.code() == KafkaError._PARTITION_EOF:
                    at_end.add(msg.partition())
                continue
            at_end.discard(msg.partition())
            read[(msg.partition(), msg.offset())] = msg.value()
    consumer.close()
    missing = [{"partition": p, "offset": o, "i": i} for (p, o), i in sorted(acks.items()) if (p, o) not in read]
    wrong = [1 for (p, o), i in acks.items() if (p, o) in read and read[(p, o)] != value_of(i)]
    return {"acked": len(acks), "read": len(read), "missing_count": len(missing), "missing": missing[:10],
            "wrong_count": len(wrong)}


def main(argv):
    command = argv[1]
    if command == "create":
        configs = dict(kv.split("=", 1) for kv in argv[6:])
        result = create(argv[2], argv[3], int(argv[4]), int(argv[5]), configs)
    elif command == "brokers":
        result = brokers(argv[2])
    elif command == "watermarks":
        result = watermarks(argv[2], argv[3])
    elif command == "delete":
        result = delete(argv[2], argv[3])
    elif command == "add_partitions":
        result = add_partitions(argv[2], argv[3], int(argv[4]))
    elif command == "elect_preferred":
        result = elect_preferred(argv[2], argv[3], int(argv[4]))
    elif command == "watch":
        result = watch(argv[2], argv[3], argv[4], argv[5])
    elif command == "check_seen":
        result = check_seen(argv[2], argv[3], argv[4])
    elif command == "describe":
        result = describe(argv[2], argv[3])
    elif command == "produce":
        result = produce(argv[2], argv[3], int(argv[4]), int(argv[5]), argv[6], argv[7],
                         float(argv[8]) if len(argv) > 8 else 0.0, argv[9] if len(argv) > 9 else None)
    elif command == "verify":
        result = verify(argv[2], argv[3], argv[4])
    else:
        raise SystemExit("unknown command " + command)
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv)
