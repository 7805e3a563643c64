import CRC32CHardware

/// CRC-32C (Castagnoli), the checksum of a RecordBatch v2 (KIP-98 moved Kafka from CRC-32 to
/// CRC-32C). The broker checks every produced batch, so this is on the hot path: it uses the CPU's
/// `crc32` instruction where there is one (as Java's intrinsic does) and otherwise slicing-by-8,
/// eight table lookups per 8 input bytes.
public enum CRC32C {
    private static let hasHardware = samsa_crc32c_hardware_available() != 0

    /// Reflected Castagnoli polynomial.
    private static let polynomial: UInt32 = 0x82F6_3B78

    private static let tables: [[UInt32]] = {
        var tables = [[UInt32]](repeating: [UInt32](repeating: 0, count: 256), count: 8)
        for index in 0..<256 {
            var crc = UInt32(index)
            for _ in 0..<8 { crc = (crc & 1) == 1 ? (crc >> 1) ^ polynomial : crc >> 1 }
            tables[0][index] = crc
        }
        for index in 0..<256 {
            for slice in 1..<8 {
                let previous = tables[slice - 1][index]
                tables[slice][index] = (previous >> 8) ^ tables[0][Int(previous & 0xFF)]
            }
        }
        return tables
    }()

    /// One flat table so the inner loop indexes a single buffer.
    private static let flatTable: [UInt32] = tables.flatMap { $0 }

    public static func checksum(_ bytes: UnsafeRawBufferPointer, continuing crc: UInt32 = 0) -> UInt32 {
        if Self.hasHardware {
            return ~samsa_crc32c_hardware_update(~crc, bytes.baseAddress, bytes.count)
        }
        return Self.softwareChecksum(bytes, continuing: crc)
    }

    /// The table-driven CRC, also used to check the hardware one in tests.
    public static func softwareChecksum(_ bytes: UnsafeRawBufferPointer, continuing crc: UInt32 = 0) -> UInt32 {
        var crc = ~crc
        Self.flatTable.withUnsafeBufferPointer { table in
            guard var pointer = bytes.baseAddress else { return }
            var remaining = bytes.count
            while remaining >= 8 {
                let low = UInt32(littleEndian: pointer.loadUnaligned(as: UInt32.self)) ^ crc
                let high = UInt32(littleEndian: pointer.loadUnaligned(fromByteOffset: 4, as: UInt32.self))
                crc =
                    table[7 * 256 + Int(low & 0xFF)]
                    ^ table[6 * 256 + Int((low >> 8) & 0xFF)]
                    ^ table[5 * 256 + Int((low >> 16) & 0xFF)]
                    ^ table[4 * 256 + Int(low >> 24)]
                    ^ table[3 * 256 + Int(high & 0xFF)]
                    ^ table[2 * 256 + Int((high >> 8) & 0xFF)]
                    ^ table[1 * 256 + Int((high >> 16) & 0xFF)]
                    ^ table[Int(high >> 24)]
                pointer += 8
                remaining -= 8
            }
            while remaining > 0 {
                crc = table[Int((crc ^ UInt32(pointer.load(as: UInt8.self))) & 0xFF)] ^ (crc >> 8)
                pointer += 1
                remaining -= 1
            }
        }
        return ~crc
    }

    public static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 {
        let array = Array(bytes)
        return array.withUnsafeBytes { Self.checksum($0) }
    }
}
