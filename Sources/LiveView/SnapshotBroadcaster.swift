import NIOCore
import NIOHTTP1
import Synchronization

/// The open event streams and the last snapshot: a new page gets the last one at once, and every
/// publish goes to every open page as one server-sent event.
final class SnapshotBroadcaster: Sendable {
    private struct State {
        var latest: String?
        var streams: [ObjectIdentifier: any Channel] = [:]
    }

    private let state = Mutex(State())

    var latestJSON: String? { self.state.withLock { $0.latest } }
    var streamCount: Int { self.state.withLock { $0.streams.count } }

    /// Stores `json` and sends it to every open stream.
    func publish(json: String) {
        let streams = self.state.withLock { state in
            state.latest = json
            return Array(state.streams.values)
        }
        for channel in streams { Self.send(json, to: channel) }
    }

    /// Adds a stream whose response head was written; sends it the last snapshot.
    func subscribe(_ channel: any Channel) {
        let latest = self.state.withLock { state in
            state.streams[ObjectIdentifier(channel)] = channel
            return state.latest
        }
        if let latest { Self.send(latest, to: channel) }
    }

    func unsubscribe(_ channel: any Channel) {
        _ = self.state.withLock { $0.streams.removeValue(forKey: ObjectIdentifier(channel)) }
    }

    /// Closes every stream (the server is stopping).
    func closeAll() {
        let streams = self.state.withLock { state in
            defer { state.streams = [:] }
            return Array(state.streams.values)
        }
        for channel in streams { channel.close(promise: nil) }
    }

    /// One event: `data: <json>` and a blank line. JSON has no raw newlines, so one data line suffices.
    private static func send(_ json: String, to channel: any Channel) {
        let buffer = channel.allocator.buffer(string: "data: \(json)\n\n")
        channel.writeAndFlush(HTTPServerResponsePart.body(.byteBuffer(buffer)), promise: nil)
    }
}
