import Foundation

/// A contiguous range of versions as the schemas write them: "3", "0-5", "3+" (open-ended) or "none".
struct Versions: Equatable, CustomStringConvertible {
    var lowest: Int16
    /// `Int16.max` for an open-ended range ("3+").
    var highest: Int16

    var isOpenEnded: Bool { self.highest == Int16.max }

    /// Parses a schema version string; `nil` for "none".
    static func parse(_ text: String) throws -> Versions? {
        let text = text.trimmingCharacters(in: .whitespaces)
        if text == "none" { return nil }
        if text.hasSuffix("+") {
            guard let lowest = Int16(text.dropLast()) else { throw CodegenError("bad version range '\(text)'") }
            return Versions(lowest: lowest, highest: Int16.max)
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 2, let lowest = Int16(parts[0]), let highest = Int16(parts[1]), lowest <= highest {
            return Versions(lowest: lowest, highest: highest)
        }
        if parts.count == 1, let single = Int16(parts[0]) {
            return Versions(lowest: single, highest: single)
        }
        throw CodegenError("bad version range '\(text)'")
    }

    func contains(_ version: Int16) -> Bool { version >= self.lowest && version <= self.highest }

    func intersection(_ other: Versions?) -> Versions? {
        guard let other else { return nil }
        let lowest = max(self.lowest, other.lowest)
        let highest = min(self.highest, other.highest)
        return lowest <= highest ? Versions(lowest: lowest, highest: highest) : nil
    }

    /// The smallest range covering both.
    func hull(_ other: Versions) -> Versions {
        Versions(lowest: min(self.lowest, other.lowest), highest: max(self.highest, other.highest))
    }

    /// `self` minus `other`, when that is one contiguous range (or empty); `nil` result means empty.
    func subtracting(_ other: Versions?) throws -> Versions? {
        guard let overlap = self.intersection(other) else { return self }
        if overlap == self { return nil }
        if overlap.lowest == self.lowest { return Versions(lowest: overlap.highest + 1, highest: self.highest) }
        if overlap.highest == self.highest { return Versions(lowest: self.lowest, highest: overlap.lowest - 1) }
        throw CodegenError("version range \(self) minus \(overlap) is not contiguous")
    }

    var description: String {
        if self.isOpenEnded { return "\(self.lowest)+" }
        if self.lowest == self.highest { return "\(self.lowest)" }
        return "\(self.lowest)-\(self.highest)"
    }
}

/// Whether code for a version range runs, given the versions its enclosing struct can be encoded in.
enum Condition: Equatable {
    case always
    case never
    /// A Swift boolean expression over `version`.
    case when(String)

    /// The test for "version is in `range`", simplified for code that only runs for versions in `context`.
    static func of(_ range: Versions?, within context: Versions) -> Condition {
        guard let range, let overlap = range.intersection(context) else { return .never }
        if overlap == context { return .always }
        var parts: [String] = []
        if overlap.lowest > context.lowest { parts.append("version >= \(overlap.lowest)") }
        if overlap.highest < context.highest { parts.append("version <= \(overlap.highest)") }
        return .when(parts.joined(separator: " && "))
    }
}
