#!/usr/bin/env python3
"""Failover timing helper for scripts/bench-failover.sh (confluent-kafka).

  failover_probe.py leader BOOTSTRAP TOPIC PARTITION      prints the leader's broker id
  failover_probe.py wait-isr BOOTSTRAP TOPIC SIZE         waits until every ISR has SIZE replicas
  failover_probe.py first-write BOOTSTRAP TOPIC PARTITION T0
        produces one record at a time (acks=all) until one is acknowledged; prints the seconds
        from T0 (a time.time() value taken when the signal was sent) to that acknowledgement."""
import sys
import time

from confluent_kafka import Producer
from confluent_kafka.admin import AdminClient


def describe(bootstrap, topic):
    admin = AdminClient({"bootstrap.servers": bootstrap})
    return admin.list_topics(topic, timeout=10).topics[topic].partitions


def main(argv):
    command, bootstrap, topic = argv[1], argv[2], argv[3]
    if command == "leader":
        print(describe(bootstrap, topic)[int(argv[4])].leader)
    elif command == "wait-isr":
        size, end = int(argv[4]), time.time() + 60
        while time.time() < end:
            if all(len(p.isrs) == size for p in describe(bootstrap, topic).values()):
                return
            time.sleep(0.2)
        raise SystemExit("ISR did not recover")
    elif command == "first-write":
        partition, t0 = int(argv[4]), float(argv[5])
        producer = Producer({"bootstrap.servers": bootstrap, "acks": "all", "retry.backoff.ms": 20,
                             "retry.backoff.max.ms": 50, "topic.metadata.refresh.interval.ms": 100,
                             "message.timeout.ms": 30000, "linger.ms": 0})
        done = []
        producer.produce(topic, b"probe", partition=partition, on_delivery=lambda err, msg: done.append(err))
        end = time.time() + 40
        while not done and time.time() < end:
            producer.poll(0.005)
        if not done or done[0] is not None:
            raise SystemExit("no successful write: %s" % (done[0] if done else "timeout"))
        print("%.3f" % (time.time() - t0))


if __name__ == "__main__":
    main(sys.argv)
