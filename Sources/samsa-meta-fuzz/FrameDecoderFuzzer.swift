import MetadataServer
import NIOCore
import ZooKeeperProtocol

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Feeds arbitrary bytes through what a server does with a connection's input: frame splitting
/// (including four-letter words), the handshake record, request headers and bodies, and the
/// data tree's checks. Any trap is a bug: bad input must only ever produce errors.
enum FrameDecoderFuzzer {
    static func run(_ bytes: UnsafeRawBufferPointer) {
        guard let first = bytes.first else { return }
        var decoder = ZooKeeperFrameDecoder(maximumLength: 1 << 16, acceptsFourLetterWords: first & 1 == 0)
        // The first byte picks a chunk size so split reads are exercised too.
        let chunk = Int(first >> 1) + 1
        var buffer = ByteBuffer()
        var tree = DataTree()
        var isHandshaken = false
        var offset = 1
        while offset < bytes.count {
            let end = min(bytes.count, offset + chunk)
            buffer.writeBytes(UnsafeRawBufferPointer(rebasing: bytes[offset..<end]))
            offset = end
            while true {
                let packet: InboundPacket?
                do {
                    packet = try decoder.next(from: &buffer)
                } catch {
                    return
                }
                guard case .packet(var payload) = packet else {
                    if packet == nil { break }
                    continue
                }
                if !isHandshaken {
                    _ = try? ConnectRequest(from: &payload)
                    isHandshaken = true
                } else {
                    Self.request(&payload, tree: &tree)
                }
            }
        }
    }

    private static func request(_ payload: inout ByteBuffer, tree: inout DataTree) {
        guard let header = try? RequestHeader(from: &payload) else { return }
        let context = RequestContext(
            sessionId: 1, identities: [Id(scheme: "ip", id: "127.0.0.1")], isExtendedTypesEnabled: true)
        let operation: WriteOperation?
        switch OpCode(rawValue: header.type) {
        case .create, .create2, .createContainer:
            operation = (try? CreateRequest(from: &payload)).map { .create($0, opCode: OpCode(rawValue: header.type)) }
        case .createTTL: operation = (try? CreateTTLRequest(from: &payload)).map { .createTTL($0) }
        case .delete: operation = (try? DeleteRequest(from: &payload)).map { .delete($0) }
        case .setData: operation = (try? SetDataRequest(from: &payload)).map { .setData($0) }
        case .setACL: operation = (try? SetACLRequest(from: &payload)).map { .setACL($0) }
        case .check: operation = (try? CheckVersionRequest(from: &payload)).map { .check($0) }
        case .setWatches2:
            _ = try? SetWatches2(from: &payload)
            operation = nil
        case .multi:
            _ = try? MultiHeader(from: &payload)
            operation = nil
        case .auth:
            _ = try? AuthPacket(from: &payload)
            operation = nil
        default:
            _ = try? GetDataRequest(from: &payload)
            operation = nil
        }
        guard let operation, let body = try? tree.prepare(operation, context: context) else { return }
        var triggers: [WatchTrigger] = []
        let txnHeader = TxnHeader(clientId: 1, cxid: header.xid, zxid: 1, time: 0, type: body.opCode.rawValue)
        _ = tree.apply(body, header: txnHeader, triggers: &triggers)
    }
}

/// libFuzzer's entry point.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    FrameDecoderFuzzer.run(UnsafeRawBufferPointer(start: data, count: size))
    return 0
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
/// build it replays inputs: each argument is a file to run once, e.g. a crash libFuzzer saved.
@main
enum FuzzMain {
    static func main() {
        #if FUZZING
            var argc = CommandLine.argc
            var argv = CommandLine.unsafeArgv
            exit(runFuzzerDriver(&argc, &argv, fuzzerTestOneInput))
        #else
            for path in CommandLine.arguments.dropFirst() {
                guard let file = fopen(path, "rb") else {
                    print("samsa-meta-fuzz: cannot open \(path)")
                    exit(1)
                }
                var bytes: [UInt8] = []
                var chunk = [UInt8](repeating: 0, count: 65536)
                while true {
                    let count = fread(&chunk, 1, chunk.count, file)
                    if count <= 0 { break }
                    bytes += chunk[0..<count]
                }
                fclose(file)
                bytes.withUnsafeBytes { FrameDecoderFuzzer.run($0) }
            }
            print("replayed \(CommandLine.arguments.count - 1) input(s) without a crash")
        #endif
    }
}
