#!/usr/bin/env python3
"""Drive a broker with confluent-kafka (librdkafka) and print one JSON result on stdout.

Usage: confluent_client.py CASE BOOTSTRAP [ARG]
  admin        create a 3-partition topic, create it again (expect TOPIC_ALREADY_EXISTS),
               list it, delete it, list again.
  records      create a 3-partition topic, produce common.sample_records() with acks=all,
               read every partition back with assign() from OFFSET_BEGINNING.
  compression CODEC   the same round trip with compression.type=CODEC (none, gzip, snappy,
               lz4, zstd) on a 1-partition topic, many records per batch.
The script reports what it saw; the XCTest decides what is right. Exit code 0 unless the script
itself broke (a Python exception), so that the JSON always reaches the test."""
import sys

from confluent_kafka import Consumer, KafkaError, Producer, TopicPartition, OFFSET_BEGINNING
from confluent_kafka import TIMESTAMP_NOT_AVAILABLE, libversion
import confluent_kafka
from confluent_kafka.admin import AdminClient, NewTopic

import common

TIMEOUT = common.client_timeout()


def admin_client(bootstrap):
    return AdminClient({"bootstrap.servers": bootstrap})


def create_topic(admin, topic, partitions):
    """Returns None on success, else the Kafka error name (e.g. TOPIC_ALREADY_EXISTS)."""
    future = admin.create_topics([NewTopic(topic, partitions, 1)], operation_timeout=TIMEOUT,
                                 request_timeout=TIMEOUT)[topic]
    try:
        future.result(timeout=TIMEOUT)
        return None
    except Exception as e:  # KafkaException wrapping a KafkaError
        return error_name(e)


def error_name(e):
    err = e.args[0] if e.args else None
    if isinstance(err, KafkaError):
        return err.name()
    return "%s: %s" % (type(e).__name__, e)


def partitions_of(admin, topic):
    """Partition ids of topic in the broker's metadata, or None when the topic is not listed."""
    md = admin.list_topics(timeout=TIMEOUT)
    t = md.topics.get(topic)
    if t is None or t.error is not None:
        return None
    return sorted(t.partitions)


def wait_for_partitions(admin, topic, expected_count):
    """Metadata may lag a create by a moment; poll (bounded) until the topic shows up."""
    more = common.deadline(TIMEOUT)
    parts = partitions_of(admin, topic)
    while more() and (parts is None or len(parts) < expected_count):
        parts = partitions_of(admin, topic)
    return parts


def produce(bootstrap, topic, records, extra_config=None):
    """Produce records (dicts from common.sample_records or alike); return them as produced,
    with the partition and offset from each delivery report, plus delivery errors."""
    config = {"bootstrap.servers": bootstrap, "acks": "all", "linger.ms": 20,
              "enable.idempotence": False, "message.timeout.ms": int(TIMEOUT * 1000)}
    config.update(extra_config or {})
    producer = Producer(config)
    produced, errors = [], []

    def on_delivery(err, msg, spec):
        if err is not None:
            errors.append(err.name())
            return
        _, ts = msg.timestamp()
        produced.append(common.record(msg.topic(), msg.partition(), msg.offset(), spec["key"],
                                      spec["value"], spec["headers"], ts))

    for spec in records:
        kwargs = {"key": spec["key"], "value": spec["value"], "partition": spec["partition"],
                  "timestamp": spec["timestamp"],
                  "on_delivery": lambda err, msg, spec=spec: on_delivery(err, msg, spec)}
        if spec["headers"]:
            kwargs["headers"] = spec["headers"]
        producer.produce(topic, **kwargs)
        producer.poll(0)
    left = producer.flush(TIMEOUT)
    if left:
        errors.append("%d records still unacknowledged after flush" % left)
    return produced, errors


def consume_all(bootstrap, topic, partitions, expected):
    """Read every partition from OFFSET_BEGINNING without a group until each partition reports
    end-of-partition and at least `expected` records arrived (bounded by TIMEOUT); then ask for
    each partition's high watermark (ListOffsets latest)."""
    consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": "samsa-compat-unused",
                         "enable.auto.commit": False, "enable.partition.eof": True,
                         "check.crcs": True, "auto.offset.reset": "error"})
    consumer.assign([TopicPartition(topic, p, OFFSET_BEGINNING) for p in partitions])
    consumed, errors, at_end = [], [], set()
    more = common.deadline(TIMEOUT)
    while more() and (len(at_end) < len(partitions) or len(consumed) < expected):
        for msg in consumer.consume(100, 0.5):
            err = msg.error()
            if err is not None:
                if err.code() == KafkaError._PARTITION_EOF:
                    at_end.add(msg.partition())
                else:
                    errors.append(err.name())
                continue
            at_end.discard(msg.partition())
            ts_type, ts = msg.timestamp()
            consumed.append(common.record(msg.topic(), msg.partition(), msg.offset(), msg.key(),
                                          msg.value(), msg.headers(),
                                          None if ts_type == TIMESTAMP_NOT_AVAILABLE else ts))
    end_offsets = {}
    for p in partitions:
        _, high = consumer.get_watermark_offsets(TopicPartition(topic, p), timeout=TIMEOUT,
                                                 cached=False)
        end_offsets[p] = high
    consumer.close()
    return consumed, errors, end_offsets


def case_admin(bootstrap):
    admin = admin_client(bootstrap)
    topic = "ck-admin-" + common.run_id()
    result = {"topic": topic}
    result["create_error"] = create_topic(admin, topic, 3)
    result["partitions"] = wait_for_partitions(admin, topic, 3)
    result["create_again_error"] = create_topic(admin, topic, 3)
    future = admin.delete_topics([topic], operation_timeout=TIMEOUT, request_timeout=TIMEOUT)[topic]
    try:
        future.result(timeout=TIMEOUT)
        result["delete_error"] = None
    except Exception as e:
        result["delete_error"] = error_name(e)
    more = common.deadline(TIMEOUT)
    listed = partitions_of(admin, topic) is not None
    while more() and listed:
        listed = partitions_of(admin, topic) is not None
    result["listed_after_delete"] = listed
    return result


def round_trip(bootstrap, topic, partitions, records, producer_config=None):
    admin = admin_client(bootstrap)
    result = {"topic": topic, "create_error": create_topic(admin, topic, partitions)}
    parts = wait_for_partitions(admin, topic, partitions)
    result["partitions"] = parts
    if parts is None:
        return result
    produced, produce_errors = produce(bootstrap, topic, records, producer_config)
    consumed, consume_errors, end_offsets = consume_all(bootstrap, topic, parts, len(produced))
    result.update(produced=produced, produce_errors=produce_errors, consumed=consumed,
                  consume_errors=consume_errors, end_offsets=end_offsets)
    return result


def case_records(bootstrap):
    topic = "ck-records-" + common.run_id()
    return round_trip(bootstrap, topic, 3, common.sample_records(3))


def case_compression(bootstrap, codec):
    topic = "ck-%s-%s" % (codec, common.run_id())
    records = [{"key": b"k%d" % i, "value": v, "headers": [("i", b"%d" % i)], "partition": 0,
                "timestamp": common.BASE_TIMESTAMP_MS + i}
               for i, v in enumerate(common.compressible_values(200))]
    result = round_trip(bootstrap, topic, 1, records,
                        {"compression.type": codec, "linger.ms": 100, "batch.num.messages": 1000})
    result["codec"] = codec
    return result


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    case, bootstrap = argv[1], argv[2]
    if case == "admin":
        result = case_admin(bootstrap)
    elif case == "records":
        result = case_records(bootstrap)
    elif case == "compression" and len(argv) == 4:
        result = case_compression(bootstrap, argv[3])
    else:
        sys.exit(__doc__)
    result["client"] = "confluent-kafka %s, librdkafka %s" % (confluent_kafka.__version__, libversion()[0])
    common.emit(result)


if __name__ == "__main__":
    main(sys.argv)
