import LabExerciseKit

/// Lab 2 reference solution.
public enum VipPartitioner {
    public static func partition(key: String?, partitionCount: Int) throws -> Int {
        guard let key else { return 1 }
        if key.hasPrefix("vip-") { return 0 }
        return 1 + keyHash(key) % (partitionCount - 1)
    }
}
