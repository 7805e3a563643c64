#!/usr/bin/env python3
"""Drive a broker with kafka-python (a pure-Python client) and print one JSON result on stdout.

Usage: kafka_python_client.py CASE BOOTSTRAP [ARG]
  admin        KafkaAdminClient: create a 3-partition topic, create it again (expect
               TopicAlreadyExistsError), list it, delete it, list again.
  records      create a 3-partition topic, KafkaProducer sends common.sample_records()
               (key, value, headers, partition, timestamp_ms) with acks=all (less the null
               header value, which KafkaProducer.send refuses), KafkaConsumer
               assign() + seek_to_beginning() reads every partition back.
  compression CODEC   the same round trip with compression_type=CODEC (none, gzip, snappy,
               lz4, zstd) on a 1-partition topic, many records per batch.
Same JSON shape as confluent_client.py; the XCTest decides what is right."""
import sys

import kafka
from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient, NewTopic

import common

TIMEOUT = common.client_timeout()
TIMEOUT_MS = int(TIMEOUT * 1000)


def admin_client(bootstrap):
    return KafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=TIMEOUT_MS,
                            client_id="samsa-compat-admin")


def error_name(e):
    """kafka.errors.TopicAlreadyExistsError -> TOPIC_ALREADY_EXISTS, like librdkafka's names."""
    name = type(e).__name__
    if name.endswith("Error"):
        name = name[:-len("Error")]
    out = []
    for i, ch in enumerate(name):
        if ch.isupper() and i and not name[i - 1].isupper():
            out.append("_")
        out.append(ch.upper())
    return "".join(out)


def create_topic(admin, topic, partitions):
    try:
        response = admin.create_topics([NewTopic(topic, partitions, 1)], timeout_ms=TIMEOUT_MS)
    except Exception as e:
        return error_name(e)
    # Depending on the version kafka-python raises or returns per-topic errors.
    for _, code, *_ in getattr(response, "topic_errors", None) or getattr(response, "topics", None) or []:
        if code:
            return kafka.errors.for_code(code).__name__
    return None


def wait_for_partitions(bootstrap, topic, expected_count):
    """Partition ids of topic once metadata lists at least expected_count of them (metadata may
    lag a create by a moment; polled, bounded), or None when the topic never shows up."""
    consumer = KafkaConsumer(bootstrap_servers=bootstrap, request_timeout_ms=TIMEOUT_MS + 1000)
    try:
        more = common.deadline(TIMEOUT)
        while True:
            consumer.topics()  # refreshes the cluster metadata
            parts = consumer.partitions_for_topic(topic)
            if (parts and len(parts) >= expected_count) or not more():
                return sorted(parts) if parts else None
    finally:
        consumer.close()


def produce(bootstrap, topic, records, compression_type=None, **settings):
    producer = KafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=20,
                             compression_type=compression_type, request_timeout_ms=TIMEOUT_MS,
                             enable_idempotence=False, **settings)
    futures = []
    for spec in records:
        futures.append((spec, producer.send(topic, key=spec["key"], value=spec["value"],
                                            headers=spec["headers"] or None,
                                            partition=spec["partition"],
                                            timestamp_ms=spec["timestamp"])))
    producer.flush(timeout=TIMEOUT)
    produced, errors = [], []
    for spec, future in futures:
        try:
            md = future.get(timeout=TIMEOUT)
        except Exception as e:
            errors.append(error_name(e))
            continue
        produced.append(common.record(md.topic, md.partition, md.offset, spec["key"],
                                      spec["value"], spec["headers"], md.timestamp))
    producer.close(timeout=TIMEOUT)
    return produced, errors


def consume_all(bootstrap, topic, partitions, expected, **settings):
    consumer = KafkaConsumer(bootstrap_servers=bootstrap, group_id=None, enable_auto_commit=False,
                             check_crcs=True, request_timeout_ms=TIMEOUT_MS + 1000,
                             auto_offset_reset="none", **settings)
    tps = [TopicPartition(topic, p) for p in partitions]
    consumer.assign(tps)
    consumer.seek_to_beginning(*tps)
    end = consumer.end_offsets(tps)
    consumed, errors = [], []
    more = common.deadline(TIMEOUT)

    def caught_up():
        return all(consumer.position(tp) >= end[tp] for tp in tps)

    while more() and (len(consumed) < expected or not caught_up()):
        try:
            batches = consumer.poll(timeout_ms=500)
        except Exception as e:
            errors.append(error_name(e))
            break
        for tp, messages in batches.items():
            for m in messages:
                consumed.append(common.record(m.topic, m.partition, m.offset, m.key, m.value,
                                              m.headers, None if m.timestamp == -1 else m.timestamp))
    consumer.close()
    return consumed, errors, {tp.partition: end[tp] for tp in tps}


def case_admin(bootstrap):
    admin = admin_client(bootstrap)
    topic = "kp-admin-" + common.run_id()
    result = {"topic": topic}
    result["create_error"] = create_topic(admin, topic, 3)
    result["partitions"] = wait_for_partitions(bootstrap, topic, 3)
    result["create_again_error"] = create_topic(admin, topic, 3)
    try:
        admin.delete_topics([topic], timeout_ms=TIMEOUT_MS)
        result["delete_error"] = None
    except Exception as e:
        result["delete_error"] = error_name(e)
    more = common.deadline(TIMEOUT)
    listed = topic in admin.list_topics()
    while more() and listed:
        listed = topic in admin.list_topics()
    result["listed_after_delete"] = listed
    admin.close()
    return result


def round_trip(bootstrap, topic, partitions, records, compression_type=None,
               producer_settings=None, consumer_settings=None):
    admin = admin_client(bootstrap)
    result = {"topic": topic, "create_error": create_topic(admin, topic, partitions)}
    admin.close()
    parts = wait_for_partitions(bootstrap, topic, partitions)
    result["partitions"] = parts
    if parts is None:
        return result
    produced, produce_errors = produce(bootstrap, topic, records, compression_type,
                                       **(producer_settings or {}))
    consumed, consume_errors, end_offsets = consume_all(bootstrap, topic, parts, len(produced),
                                                        **(consumer_settings or {}))
    result.update(produced=produced, produce_errors=produce_errors, consumed=consumed,
                  consume_errors=consume_errors, end_offsets=end_offsets)
    return result


def case_records(bootstrap):
    topic = "kp-records-" + common.run_id()
    records = common.sample_records(3)
    for spec in records:  # KafkaProducer.send refuses null header values; librdkafka covers them
        spec["headers"] = [(k, v) for k, v in spec["headers"] if v is not None]
    return round_trip(bootstrap, topic, 3, records)


def case_compression(bootstrap, codec):
    topic = "kp-%s-%s" % (codec, common.run_id())
    records = [{"key": b"k%d" % i, "value": v, "headers": [("i", b"%d" % i)], "partition": 0,
                "timestamp": common.BASE_TIMESTAMP_MS + i}
               for i, v in enumerate(common.compressible_values(200))]
    result = round_trip(bootstrap, topic, 1, records, None if codec == "none" else codec)
    result["codec"] = codec
    return result


def case_small_fetches(bootstrap):
    """Fetches of at most 1000 bytes per partition: most end in a batch cut short, as Kafka sends
    them, and the broker's small segments make the reads cross from one segment file to the next."""
    topic = "kp-small-fetches-" + common.run_id()
    records = [{"key": b"k%d" % i, "value": v, "headers": [], "partition": 0,
                "timestamp": common.BASE_TIMESTAMP_MS + i}
               for i, v in enumerate(common.compressible_values(200))]
    # Batches of about two records (600 bytes at most): a 1000-byte fetch ends inside one.
    return round_trip(bootstrap, topic, 1, records, producer_settings={"batch_size": 600},
                      consumer_settings={"max_partition_fetch_bytes": 1000})


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    case, bootstrap = argv[1], argv[2]
    if case == "admin":
        result = case_admin(bootstrap)
    elif case == "records":
        result = case_records(bootstrap)
    elif case == "small-fetches":
        result = case_small_fetches(bootstrap)
    elif case == "compression" and len(argv) == 4:
        result = case_compression(bootstrap, argv[3])
    else:
        sys.exit(__doc__)
    result["client"] = "kafka-python %s" % kafka.__version__
    common.emit(result)


if __name__ == "__main__":
    main(sys.argv)
