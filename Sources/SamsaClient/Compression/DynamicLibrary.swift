import KafkaProtocol

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A shared library opened with `dlopen` at run time. Compression codecs are loaded this way so SamsaClient
/// builds with only the Swift toolchain (no `-dev` headers) and a missing library is a clear error naming the
/// Debian package, raised only when that codec is used.
///
/// `@unchecked Sendable`: the handle is written once in `init` and never closed.
struct DynamicLibrary: @unchecked Sendable {
    private let handle: UnsafeMutableRawPointer
    let name: String

    /// Opens the first of `names` that loads.
    init(codec: CompressionCodec, names: [String], debianPackage: String) throws(SamsaClientError) {
        for name in names {
            if let handle = dlopen(name, RTLD_NOW | RTLD_LOCAL) {
                self.handle = handle
                self.name = name
                return
            }
        }
        throw .compressionLibraryMissing(codec: codec, library: names.first ?? "?", debianPackage: debianPackage)
    }

    /// The symbol `symbol` as a C function of type `T`.
    func function<T>(_ symbol: String, as type: T.Type, codec: CompressionCodec) throws(SamsaClientError) -> T {
        guard let pointer = dlsym(self.handle, symbol) else {
            throw .compressionFailed(codec: codec, reason: "\(self.name) has no symbol \(symbol)")
        }
        return unsafeBitCast(pointer, to: type)
    }
}
