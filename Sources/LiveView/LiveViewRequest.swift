/// What a request asks for, decided from its method, path and token alone (no sockets), so the
/// rules are tested directly.
enum LiveViewRoute: Equatable {
    case page
    case events
    case snapshot
    case forbidden
    case notFound
    case methodNotAllowed

    init(method: String, uri: String, token: AccessToken) {
        guard method == "GET" || method == "HEAD" else {
            self = .methodNotAllowed
            return
        }
        let (path, query) = Self.split(uri)
        guard token.matches(Self.value(of: "token", in: query)) else {
            self = .forbidden
            return
        }
        switch path {
        case "/", "/index.html": self = .page
        case "/events": self = .events
        case "/snapshot.json": self = .snapshot
        default: self = .notFound
        }
    }

    private static func split(_ uri: String) -> (path: String, query: Substring) {
        guard let mark = uri.firstIndex(of: "?") else { return (uri, "") }
        return (String(uri[..<mark]), uri[uri.index(after: mark)...])
    }

    /// The first `name=value` of a query string. Tokens are hex, so no percent-decoding is needed.
    private static func value(of name: String, in query: Substring) -> String? {
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if parts.count == 2, parts[0] == name { return String(parts[1]) }
        }
        return nil
    }
}
