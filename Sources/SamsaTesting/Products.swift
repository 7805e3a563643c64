import Foundation

/// Finds the executables SwiftPM built (`samsa-broker`, `samsa-meta`, ...) from inside a test:
/// they sit in the products directory beside the test bundle (`<products>/samsaPackageTests.xctest`
/// on Linux and macOS alike), the way swift-argument-parser's test helpers find theirs.
public enum Products {
    /// Where to look, in order: `SAMSA_PRODUCTS_DIR`, then the parent of every loaded `.xctest`
    /// bundle, then the directory of the running executable.
    public static func candidateDirectories() -> [URL] {
        var candidates: [URL] = []
        if let dir = ProcessInfo.processInfo.environment["SAMSA_PRODUCTS_DIR"], !dir.isEmpty {
            candidates.append(URL(fileURLWithPath: dir, isDirectory: true))
        }
        for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
            candidates.append(bundle.bundleURL.deletingLastPathComponent())
        }
        if let executable = Bundle.main.executableURL {
            let parent = executable.deletingLastPathComponent()
            // macOS: .../samsaPackageTests.xctest/Contents/MacOS/samsaPackageTests
            if parent.lastPathComponent == "MacOS" {
                let bundle = parent.deletingLastPathComponent().deletingLastPathComponent()
                candidates.append(bundle.deletingLastPathComponent())
            }
            candidates.append(parent)
        }
        if let argv0 = CommandLine.arguments.first, argv0.hasSuffix(".xctest") {
            candidates.append(URL(fileURLWithPath: argv0).deletingLastPathComponent())
        }
        var seen = Set<String>()
        return candidates.filter { seen.insert($0.standardizedFileURL.path).inserted }
    }

    /// The built executable `name`, or `productNotFound` naming every directory searched.
    public static func executable(_ name: String) throws -> URL {
        let candidates = self.candidateDirectories()
        for dir in candidates {
            let url = dir.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        throw SamsaTestingError.productNotFound(name: name, searched: candidates.map(\.path))
    }
}
