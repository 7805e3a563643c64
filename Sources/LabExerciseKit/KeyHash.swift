import SamsaClient

/// Lab 2: the hash Kafka's default partitioner uses, made non-negative: `murmur2(key) & 0x7fffffff`.
/// The default partitioner places a keyed record in `keyHash(key) % partitionCount`.
public func keyHash(_ key: String) -> Int {
    Int(Murmur2.hash(Array(key.utf8)) & 0x7fff_ffff)
}
