import Foundation
import KafkaProtocol
import NIOCore

/// Feeds arbitrary bytes to everything a broker parses from the network: the request header, the
/// generated body codec of every API, re-encoding what decoded, and RecordBatch validation and
/// decoding. Any crash, trap or sanitizer report is a bug.
///
/// Built with libFuzzer (see docs/fuzzing.md) it exports `LLVMFuzzerTestOneInput`; built normally
/// it is a replayer: `samsa-fuzz-kafka FILE...` runs each file once, so a crash found by the
/// fuzzer can be kept as a regression input.
enum FuzzKafkaRequests {
    static func run(_ bytes: UnsafeRawBufferPointer) {
        let input = ByteBuffer(bytes: bytes)

        var frame = input
        if let header = try? frame.readKafkaRequestHeader(),
            let request = try? frame.readKafkaRequestBody(for: header)
        {
            var encoded = ByteBuffer()
            request.write(to: &encoded, version: header.requestApiVersion)
            if let produce = request as? ProduceRequest {
                for topic in produce.topicData {
                    for partition in topic.partitionData {
                        if let records = partition.records { Self.checkRecords(records) }
                    }
                }
            }
        }
        Self.checkRecords(input)
    }

    private static func checkRecords(_ records: ByteBuffer) {
        if let headers = try? RecordBatches.validate(records) {
            var copy = records
            RecordBatches.assignOffsets(
                in: &copy, headers: headers, firstOffset: 42, partitionLeaderEpoch: 1, logAppendTime: 7)
            _ = try? RecordBatches.validate(copy)
        }
        _ = try? RecordBatches.decode(records)
    }
}

#if FUZZING
    /// libFuzzer's driver, linked in by `-sanitize=fuzzer`.
    @_silgen_name("LLVMFuzzerRunDriver")
    func runFuzzerDriver(
        _ argc: UnsafeMutablePointer<Int32>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
    ) -> Int32
#endif

/// With `-DFUZZING -sanitize=fuzzer` this runs libFuzzer (its usual flags apply); in a normal
/// build it replays inputs: `samsa-fuzz-kafka FILE...` runs each file once.
@main
enum FuzzMain {
    static func main() {
        #if FUZZING
            var argc = CommandLine.argc
            var argv = CommandLine.unsafeArgv
            exit(
                runFuzzerDriver(&argc, &argv) { data, size in
                    FuzzKafkaRequests.run(UnsafeRawBufferPointer(start: data, count: size))
                    return 0
                })
        #else
            let paths = CommandLine.arguments.dropFirst()
            if paths.isEmpty {
                print("usage: samsa-fuzz-kafka FILE...  (replays fuzzer inputs; see docs/fuzzing.md)")
            }
            for path in paths {
                guard let data = FileManager.default.contents(atPath: path) else {
                    print("cannot read \(path)")
                    exit(1)
                }
                data.withUnsafeBytes { FuzzKafkaRequests.run($0) }
                print("ok \(path) (\(data.count) bytes)")
            }
        #endif
    }
}
