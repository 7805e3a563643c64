import Foundation

/// A fresh directory under `NSTemporaryDirectory()` for one test: data dirs, config files, logs.
/// `XCTestCase.makeTemporaryDirectory()` removes it in teardown, whether the test passed or not.
public final class TemporaryDirectory: Sendable {
    public let url: URL

    /// Creates `<tmp>/<prefix>-<uuid>/`.
    public init(prefix: String = "samsa-test") throws {
        let base = URL(fileURLWithPath: NSTemporaryDirectory(), isDirectory: true)
        self.url = base.appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: self.url, withIntermediateDirectories: true)
    }

    public var path: String { self.url.path }

    /// `url/component`, not created.
    public func appending(_ component: String, isDirectory: Bool = false) -> URL {
        self.url.appendingPathComponent(component, isDirectory: isDirectory)
    }

    /// Creates `url/component/` (and parents) and returns it.
    public func makeSubdirectory(_ component: String) throws -> URL {
        let dir = self.appending(component, isDirectory: true)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Deletes the directory and everything in it; a directory already gone is fine.
    public func remove() {
        try? FileManager.default.removeItem(at: self.url)
    }
}
